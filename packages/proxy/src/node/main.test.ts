// The `faceid-proxy` command: `main(argv, env, io)` in-process, and the built entries spawned
// (`npm test` runs `npm run build` first, so dist/ and the bundle are current).
import { serveSimulator } from '@faceid-verify/simulator/node';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchedLines, main } from './main.js';

const RETURN = 'http://localhost:5173/demo/';
let simulator: { url: string; close(): Promise<void> };
let dir = '';
let databases = 0;
/** A new ledger file per server, in this file's temporary folder. */
const database = () => `file:${join(dir, `flows-${(databases += 1)}.db`)}`;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) }, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceid-main-'));
  simulator = await serveSimulator({});
});
afterAll(async () => {
  await simulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('main', () => {
  it('serves in sandbox, printing the URL, the upstream, the flows database and the webhooks', async () => {
    const { io, out } = capture();
    const url = database();
    const env = { FACEID_ENDPOINT: simulator.url, FACEID_REDIRECT_URLS: RETURN, PORT: '0', FACEID_DATABASE_URL: url };
    const server = await main([], env, io);
    if (typeof server === 'number') throw new Error(`exit ${server}`);
    try {
      expect(out[0]).toBe(`faceid-proxy listening on ${server.url}`);
      expect(out[1]).toBe(`upstream: simulator at ${simulator.url} (ap-singapore, intl flow)`);
      expect(out[2]).toBe(`flows: SQLite file ${url.slice('file:'.length)}`);
      expect(out[3]).toBe('webhooks: off (set FACEID_WEBHOOK_URL)');
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ ok: true, upstream: 'simulator', region: 'ap-singapore' });
    } finally {
      await server.close();
    }
  });

  it.each<[string, Record<string, string>]>([
    ['FACEID_REDIRECT_URLS', {}],
    [
      'FACEID_BINDING_SECRET',
      {
        TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLE1',
        TENCENTCLOUD_SECRET_KEY: 'EXAMPLEkey',
        FACEID_REDIRECT_URLS: 'https://app.example.com/',
        FACEID_BINDING_SECRET: 'short',
      },
    ],
    [
      'FACEID_ENDPOINT',
      {
        TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLE1',
        TENCENTCLOUD_SECRET_KEY: 'EXAMPLEkey',
        FACEID_REDIRECT_URLS: 'https://app.example.com/',
        FACEID_BINDING_SECRET: 'x'.repeat(32),
        FACEID_ENDPOINT: 'http://faceid.example',
      },
    ],
    ['PORT', { FACEID_REDIRECT_URLS: RETURN, PORT: 'eighty' }],
    ['PORT', { FACEID_REDIRECT_URLS: RETURN, PORT: '70000' }],
    ['FACEID_REGION', { FACEID_REDIRECT_URLS: RETURN, FACEID_REGION: 'ap-hongkong' }],
    ['FACEID_FLOW', { FACEID_REDIRECT_URLS: RETURN, FACEID_FLOW: 'mainland' }],
    ['FACEID_COMPARE_IMAGE_URL', { FACEID_REDIRECT_URLS: RETURN, FACEID_FLOW: 'legacy' }],
    ['FACEID_REQUEST_TIMEOUT_MS', { FACEID_REDIRECT_URLS: RETURN, FACEID_REQUEST_TIMEOUT_MS: '300000' }],
    ['FACEID_MAX_CONNECTIONS', { FACEID_REDIRECT_URLS: RETURN, FACEID_MAX_CONNECTIONS: 'many' }],
  ])('refuses to start naming %s (exit 2)', async (variable, env) => {
    const { io, err } = capture();
    expect(await main([], env, io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^faceid-proxy: ${variable} `));
  });

  it('writes one JSON log line per request, batched into one write per event-loop turn', async () => {
    const writes: string[] = [];
    const log = batchedLines((chunk) => void writes.push(chunk));
    log('a');
    log('b');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['a\nb\n']);

    const lines: string[] = [];
    const { io } = capture();
    const env = {
      FACEID_ENDPOINT: simulator.url,
      FACEID_REDIRECT_URLS: RETURN,
      PORT: '0',
      FACEID_DATABASE_URL: database(),
    };
    const server = await main([], env, { ...io, log: (line) => void lines.push(line) });
    if (typeof server === 'number') throw new Error(`exit ${server}`);
    try {
      await fetch(`${server.url}/health`);
      expect(JSON.parse(lines[0] as string)).toMatchObject({ route: 'health', status: 200 });
    } finally {
      await server.close();
    }
  });

  it('prints usage for --help', async () => {
    const { io, out } = capture();
    expect(await main(['--help'], {}, io)).toBe(0);
    expect(out.join('\n')).toMatch(/FACEID_REDIRECT_URLS/);
  });
});

// Both the tested entry and the command users run (bin/faceid-proxy.js, the shim npm links).
describe.each([
  ['dist/node/cli.js', '../../dist/node/cli.js'],
  ['bin/faceid-proxy.js', '../../bin/faceid-proxy.js'],
])('the faceid-proxy command from %s', (_name, path) => {
  it('starts, answers, and exits 0 on SIGTERM', async () => {
    const cli = fileURLToPath(new URL(path, import.meta.url));
    const child = spawn(process.execPath, [cli], {
      cwd: dir,
      env: { PATH: process.env['PATH'], FACEID_ENDPOINT: simulator.url, FACEID_REDIRECT_URLS: RETURN, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1] as string);
      });
      child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('upstream: simulator');
  });
});
