// The ledger's side of `faceid-proxy`, in-process through `main()` against the real simulator: the ledger's
// variables (bad ones stop start-up naming the variable), the database it opens, the sandbox binding secret kept
// across restarts, and the worker's webhook for a verdict.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../test/webhook-receiver.js';
import { newWebhookSecret } from '../ledger/webhook/config.js';
import { main } from './main.js';
import type { RunningFaceIdProxy } from './serve.js';

const RETURN = 'http://localhost:5173/demo/';
const ORIGIN = 'http://localhost:5173';
let simulator: { url: string; close(): Promise<void> };
let dir = '';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) }, out, err };
}

async function started(env: Record<string, string>): Promise<{ server: RunningFaceIdProxy; out: string[] }> {
  const { io, out, err } = capture();
  const server = await main(
    [],
    { FACEID_ENDPOINT: simulator.url, FACEID_REDIRECT_URLS: RETURN, PORT: '0', ...env },
    io,
  );
  if (typeof server === 'number') throw new Error(`exit ${server}: ${err.join('\n')}`);
  return { server, out };
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceid-main-ledger-'));
  simulator = await serveSimulator({ testControls: true });
});
afterAll(async () => {
  await simulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the ledger variables', () => {
  const sandbox = { FACEID_REDIRECT_URLS: RETURN, FACEID_DATABASE_URL: `file:${join(tmpdir(), 'never-opened.db')}` };
  const url = 'https://hooks.example.com/faceid';
  it.each<[string, Record<string, string>, RegExp]>([
    ['FACEID_DATABASE_URL', { ...sandbox, FACEID_DATABASE_URL: 'mysql://db.example/flows' }, /file:PATH or postgres/],
    ['FACEID_DATABASE_URL', { ...sandbox, FACEID_DATABASE_URL: 'file:' }, /file:PATH/],
    ['FACEID_DATABASE_URL', { ...sandbox, FACEID_DATABASE_URL: 'postgres://' }, /postgres/],
    [
      'FACEID_WEBHOOK_URL',
      { ...sandbox, FACEID_WEBHOOK_URL: 'hooks.example.com', FACEID_WEBHOOK_SECRET: newWebhookSecret() },
      /absolute URL/,
    ],
    [
      'FACEID_WEBHOOK_URL',
      { ...sandbox, FACEID_WEBHOOK_URL: 'ftp://hooks.example.com/', FACEID_WEBHOOK_SECRET: newWebhookSecret() },
      /http/,
    ],
    [
      'FACEID_WEBHOOK_URL',
      { ...sandbox, FACEID_WEBHOOK_SECRET: newWebhookSecret() },
      /required with FACEID_WEBHOOK_SECRET/,
    ],
    ['FACEID_WEBHOOK_SECRET', { ...sandbox, FACEID_WEBHOOK_URL: url }, /required with FACEID_WEBHOOK_URL/],
    [
      'FACEID_WEBHOOK_SECRET',
      { ...sandbox, FACEID_WEBHOOK_URL: url, FACEID_WEBHOOK_SECRET: 'whsec_c2hvcnQ=' },
      /24–64 bytes/,
    ],
    ['FACEID_WEBHOOK_SECRET', { ...sandbox, FACEID_WEBHOOK_URL: url, FACEID_WEBHOOK_SECRET: 'not-a-secret' }, /whsec_/],
    [
      'FACEID_WEBHOOK_RETRY_MS',
      { ...sandbox, FACEID_WEBHOOK_URL: url, FACEID_WEBHOOK_SECRET: newWebhookSecret(), FACEID_WEBHOOK_RETRY_MS: '0' },
      /positive/,
    ],
    ['FACEID_RECONCILE_INTERVAL_MS', { ...sandbox, FACEID_RECONCILE_INTERVAL_MS: 'soon' }, /integer/],
    ['FACEID_RETENTION_DAYS', { ...sandbox, FACEID_RETENTION_DAYS: '-1' }, /positive/],
  ])('a bad %s stops start-up naming it (exit 2), opening nothing', async (variable, env, detail) => {
    const { io, err } = capture();
    expect(await main([], env, io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^faceid-proxy: ${variable} `));
    expect(err[0]).toMatch(detail);
    expect(existsSync(join(tmpdir(), 'never-opened.db'))).toBe(false);
  });

  it('outside sandbox the webhook URL must be https', async () => {
    const { io, err } = capture();
    const env = {
      TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLE1',
      TENCENTCLOUD_SECRET_KEY: 'EXAMPLEkey',
      FACEID_REDIRECT_URLS: 'https://app.example.com/',
      FACEID_BINDING_SECRET: 'x'.repeat(32),
      FACEID_DATABASE_URL: `file:${join(dir, 'https.db')}`,
      FACEID_WEBHOOK_URL: 'http://hooks.example.com/',
      FACEID_WEBHOOK_SECRET: newWebhookSecret(),
    };
    expect(await main([], env, io)).toBe(2);
    expect(err[0]).toBe('faceid-proxy: FACEID_WEBHOOK_URL must be https outside sandbox');
  });

  it('an unreachable PostgreSQL stops start-up (exit 1) naming FACEID_DATABASE_URL, without its password', async () => {
    const { io, err } = capture();
    const env = {
      FACEID_REDIRECT_URLS: RETURN,
      FACEID_DATABASE_URL: 'postgres://faceid:EXAMPLEpassword@127.0.0.1:1/flows',
    };
    expect(await main([], env, io)).toBe(1);
    expect(err[0]).toMatch(/^faceid-proxy: cannot open FACEID_DATABASE_URL \(PostgreSQL 127\.0\.0\.1:1\/flows\)/);
    expect(err[0]).not.toContain('EXAMPLEpassword');
  });
});

describe('restarts', () => {
  it('in sandbox the binding secret is kept in the ledger: a flow started before a restart is readable after', async () => {
    const env = { FACEID_DATABASE_URL: `file:${join(dir, 'restart.db')}` };
    const first = await started(env);
    const response = await post(`${first.server.url}/web/sessions`, { redirectUrl: RETURN });
    expect(response.status).toBe(201);
    const session = (await response.json()) as { bizToken: string; binding: string };
    await first.server.close();
    await post(`${simulator.url}/__simulator/outcomes`, { token: session.bizToken, outcome: 'pass' });

    const second = await started(env);
    try {
      const read = await post(`${second.server.url}/web/results`, {
        bizToken: session.bizToken,
        binding: session.binding,
      });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ status: 'passed' });
    } finally {
      await second.server.close();
    }
  });
});

describe('webhooks', () => {
  it('a verdict read by the browser is pushed to FACEID_WEBHOOK_URL, signed, with the flow record', async () => {
    const secret = newWebhookSecret();
    const receiver = await startReceiver(secret);
    const { server, out } = await started({
      FACEID_DATABASE_URL: `file:${join(dir, 'webhooks.db')}`,
      FACEID_WEBHOOK_URL: receiver.url,
      FACEID_WEBHOOK_SECRET: `${newWebhookSecret()},${secret}`,
    });
    try {
      expect(out).toContain(`webhooks: ${new URL(receiver.url).href}`);
      const session = (await (await post(`${server.url}/web/sessions`, { redirectUrl: RETURN })).json()) as {
        bizToken: string;
        binding: string;
      };
      await post(`${simulator.url}/__simulator/outcomes`, { token: session.bizToken, outcome: 'fail-liveness' });
      expect(
        await (
          await post(`${server.url}/web/results`, { bizToken: session.bizToken, binding: session.binding })
        ).json(),
      ).toMatchObject({ status: 'failed' });
      const hook = await receiver.waitFor((received) => received.payload?.data['bizToken'] === session.bizToken);
      expect(hook.payload).toMatchObject({ type: 'verification.failed', data: { status: 'failed', reference: null } });
      expect(hook.signature.split(' ')).toHaveLength(2);
      expect(hook.body).not.toContain(session.binding);
    } finally {
      await server.close();
      await receiver.close();
    }
  });
});
