/** `GET /media/<file>`: the sample media behind the legacy actions' COS-style URLs and `FileInfo.Url`. */
import { Hono } from 'hono';
import { CARD_BASE64, FACE_BASE64, VIDEO_BASE64 } from './media.js';

/** File name → [base64, Content-Type]. */
export const MEDIA_FILES: Readonly<Record<string, readonly [string, string]>> = {
  'best-frame.jpg': [FACE_BASE64, 'image/jpeg'],
  'card.jpg': [CARD_BASE64, 'image/jpeg'],
  'video.mp4': [VIDEO_BASE64, 'video/mp4'],
};

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

/** Absolute URL of a sample file. */
export function mediaUrl(publicUrl: string, file: keyof typeof MEDIA_FILES): string {
  return `${publicUrl}/media/${file}`;
}

export function createMediaRoutes(): Hono {
  const app = new Hono();
  app.get('/media/:file', (c) => {
    const entry = Object.hasOwn(MEDIA_FILES, c.req.param('file')) ? MEDIA_FILES[c.req.param('file')] : undefined;
    if (!entry) return c.notFound();
    return c.body(decodeBase64(entry[0]), 200, { 'Content-Type': entry[1], 'Cache-Control': 'max-age=600' });
  });
  return app;
}
