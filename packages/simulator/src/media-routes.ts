/** `GET /media/<file>`: the sample media behind the legacy actions' COS-style URLs and `FileInfo.Url`. */
import { Hono } from 'hono';
import {
  CARD_BASE64,
  CARD_MD5,
  CARD_OCR_JSON,
  CARD_OCR_JSON_MD5,
  CARD_OCR_JSON_SIZE,
  CARD_SIZE,
  FACE_BASE64,
  FACE_MD5,
  FACE_SIZE,
  VIDEO_BASE64,
  VIDEO_MD5,
  VIDEO_SIZE,
} from './media.js';

interface MediaFile {
  bytes: () => Uint8Array<ArrayBuffer>;
  type: string;
  md5: string;
  size: number;
}

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

/** The files under `/media/`, with the MD5 and size that `*Md5` fields and `FileInfo` report. */
export const MEDIA_FILES = {
  'best-frame.jpg': { bytes: () => decodeBase64(FACE_BASE64), type: 'image/jpeg', md5: FACE_MD5, size: FACE_SIZE },
  'card.jpg': { bytes: () => decodeBase64(CARD_BASE64), type: 'image/jpeg', md5: CARD_MD5, size: CARD_SIZE },
  'video.mp4': { bytes: () => decodeBase64(VIDEO_BASE64), type: 'video/mp4', md5: VIDEO_MD5, size: VIDEO_SIZE },
  'card-ocr.json': {
    bytes: () => new TextEncoder().encode(CARD_OCR_JSON),
    type: 'application/json; charset=utf-8',
    md5: CARD_OCR_JSON_MD5,
    size: CARD_OCR_JSON_SIZE,
  },
} satisfies Record<string, MediaFile>;

export type MediaFileName = keyof typeof MEDIA_FILES;

/** Absolute URL of a sample file. */
export function mediaUrl(publicUrl: string, file: MediaFileName): string {
  return `${publicUrl}/media/${file}`;
}

/** A `FileInfo` {Url, MD5, Size} pointing at a sample file (faceid-api.md §4.3). */
export function fileInfo(publicUrl: string, file: MediaFileName): { Url: string; MD5: string; Size: number } {
  return { Url: mediaUrl(publicUrl, file), MD5: MEDIA_FILES[file].md5, Size: MEDIA_FILES[file].size };
}

export function createMediaRoutes(): Hono {
  const app = new Hono();
  app.get('/media/:file', (c) => {
    const name = c.req.param('file');
    if (!Object.hasOwn(MEDIA_FILES, name)) return c.notFound();
    const file: MediaFile = MEDIA_FILES[name as MediaFileName];
    return c.body(file.bytes(), 200, { 'Content-Type': file.type, 'Cache-Control': 'max-age=600' });
  });
  return app;
}
