/**
 * SIGKILL at any point loses nothing acknowledged: a real child process records flows on a SQLite file and
 * delivers their webhooks; it is killed while a delivery hangs, and a restarted process on the same file
 * delivers everything that was acknowledged, each flow with its one webhook-id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReceiver, type WebhookReceiver } from '../../test/webhook-receiver.js';
import { newWebhookSecret } from '../ledger/webhook/config.js';
import { createSqliteStore } from '../store/sqlite.js';

const CACHE_DIR = fileURLToPath(new URL('../../../../node_modules/.cache/faceid-ledger-test/', import.meta.url));
/** More than the child records before its fifth webhook: the kill lands mid-recording. */
const RECORDS = 100_000;
let dir = '';
let child = '';

beforeAll(async () => {
  await mkdir(CACHE_DIR, { recursive: true });
  dir = await mkdtemp(join(CACHE_DIR, 'sigkill-'));
  child = join(dir, 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../test/ledger-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: child,
    logLevel: 'silent',
  });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

function run(args: string[], onLine: (line: string, process: ChildProcess) => void) {
  const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const lines = out.split('\n');
    out = lines.pop()!;
    for (const line of lines) onLine(line, proc);
  });
  proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: string | null; err: string }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal, err })),
  );
  return { proc, exit };
}

it('a process SIGKILLed mid-delivery, restarted on the same SQLite file, loses nothing acknowledged', async () => {
  const secret = newWebhookSecret();
  const database = `file:${join(dir, 'flows.db')}`;
  let hang = true;
  const receiver: WebhookReceiver = await startReceiver(secret, (received) =>
    hang && received.length === 1 ? 'hang' : 200,
  );
  try {
    const acked: string[] = [];
    const first = run(['record', database, receiver.url, secret, String(RECORDS)], (line) => {
      if (line.startsWith('ack ')) acked.push(line.slice(4));
    });
    const hung = await receiver.waitFor((hook) => hook.answered === 'hang');
    first.proc.kill('SIGKILL');
    expect(await first.exit).toMatchObject({ signal: 'SIGKILL' });
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.length).toBeLessThan(RECORDS); // killed while still recording, too
    hang = false;
    const second = run(['deliver', database, receiver.url, secret], () => {});
    expect(await second.exit).toMatchObject({ code: 0 });

    const store = await createSqliteStore({ url: database });
    try {
      for (const bizToken of acked) {
        const flow = await store.getFlow(bizToken);
        expect(flow).toMatchObject({ status: 'passed', webhook: { state: 'delivered' } });
        const hooks = receiver.received.filter((hook) => hook.payload?.data.bizToken === bizToken);
        expect(hooks.length).toBeGreaterThan(0);
        expect(new Set(hooks.map((hook) => hook.id))).toEqual(new Set([flow!.webhook!.id]));
      }
      expect(receiver.received.every((hook) => hook.payload !== null)).toBe(true);
      // The event in flight at the kill was sent again once its lease ran out, under the same webhook-id.
      expect(receiver.received.filter((hook) => hook.id === hung.id).map((hook) => hook.answered)).toEqual([
        'hang',
        200,
      ]);
    } finally {
      await store.close();
    }
  } finally {
    await receiver.close();
  }
}, 60_000);
