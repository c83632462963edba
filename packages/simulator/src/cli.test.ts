import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaceIdClient, type FaceIdApiError } from '@faceid-verify/proxy';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { parseCli, runCli } from './cli-run.js';
import { DEMO_CREDENTIALS } from './types.js';

const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/faceid-simulator-test/', import.meta.url));

describe('parseCli', () => {
  it('reads port, host, credentials, public URL and test controls', () => {
    expect(
      parseCli([
        '--port',
        '0',
        '--host',
        '::1',
        '--credential',
        'AKIDEXAMPLEa:KEYa',
        '--credential',
        'AKIDEXAMPLEb:KEYb:STS',
        '--public-url',
        'http://sim.test',
        '--test-controls',
      ]),
    ).toEqual({
      port: 0,
      hostname: '::1',
      credentials: [
        { secretId: 'AKIDEXAMPLEa', secretKey: 'KEYa' },
        { secretId: 'AKIDEXAMPLEb', secretKey: 'KEYb', sessionToken: 'STS' },
      ],
      usesDemoCredentials: false,
      publicUrl: 'http://sim.test',
      testControls: true,
    });
  });

  it('reads a rate limit for benchmarks', () => {
    expect(parseCli(['--rate-limit', '100000']).rateLimitPerSecond).toBe(100_000);
  });

  it('reads a BizToken lifetime in ms', () => {
    expect(parseCli(['--biz-token-ttl', '20000']).bizTokenTtlMs).toBe(20_000);
    expect(parseCli([])).not.toHaveProperty('bizTokenTtlMs');
  });

  it('falls back to port 8788 and the demo pair', () => {
    expect(parseCli([])).toMatchObject({
      port: 8788,
      hostname: '127.0.0.1',
      credentials: [DEMO_CREDENTIALS],
      usesDemoCredentials: true,
    });
  });

  it('names the bad argument', () => {
    expect(() => parseCli(['--port', 'http'])).toThrow(/--port/);
    expect(() => parseCli(['--credential', 'no-colon'])).toThrow(/--credential/);
    expect(() => parseCli(['--verbose'])).toThrow(/verbose/);
    expect(() => parseCli(['--rate-limit', '0'])).toThrow(/--rate-limit/);
    expect(() => parseCli(['--biz-token-ttl', '20s'])).toThrow(/--biz-token-ttl/);
  });
});

const QUIET = { log: () => {}, error: () => {} };

describe('runCli', () => {
  it('prints the URL and the demo pair notice, or usage with exit code 2', async () => {
    const lines: string[] = [];
    const io = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(`! ${line}`) };
    const simulator = await runCli(['--port', '0'], io);
    if (typeof simulator === 'number') throw new Error('expected a running simulator');
    await simulator.close();
    expect(lines.join('\n')).toContain(`SecretId=${DEMO_CREDENTIALS.secretId}`);
    expect(lines.at(-1)).toBe(`FaceID simulator listening on ${simulator.url}`);
    expect(await runCli(['--port', 'http'], io)).toBe(2);
    expect(lines.at(-1)).toMatch(/^! faceid-simulator: .*\nUsage:/);
    expect(await runCli(['--help'], io)).toBe(0);
  });
});

describe('runCli --biz-token-ttl', () => {
  it('expires an unstarted BizToken after the given ms', async () => {
    const simulator = await runCli(['--port', '0', '--test-controls', '--biz-token-ttl', '60000'], QUIET);
    if (typeof simulator === 'number') throw new Error('expected a running simulator');
    try {
      const client = createFaceIdClient({
        credentials: DEMO_CREDENTIALS,
        region: 'ap-singapore',
        endpoint: simulator.url,
        retries: 0,
      });
      const read = async (token: string) => {
        try {
          return (await client.getWebVerificationResultIntl({ BizToken: token })).ErrorCode;
        } catch (error) {
          return (error as FaceIdApiError).code;
        }
      };
      const { BizToken } = await client.applyWebVerificationBizTokenIntl({ RedirectURL: 'https://app.example.com/r' });
      const advance = (advanceMs: number) =>
        fetch(`${simulator.url}/__simulator/clock`, { method: 'POST', body: JSON.stringify({ advanceMs }) });
      await advance(59_000);
      expect(await read(BizToken)).not.toBe('InvalidParameterValue.BizTokenExpired');
      await advance(1_000);
      expect(await read(BizToken)).toBe('InvalidParameterValue.BizTokenExpired');
    } finally {
      await simulator.close();
    }
  });
});

describe('faceid-simulator binary', () => {
  it('serves until SIGTERM and exits 0', async () => {
    // Inside the repo so the bundle resolves hono from node_modules; workspace packages are bundled from source.
    await mkdir(CACHE_DIR, { recursive: true });
    const dir = await mkdtemp(join(CACHE_DIR, 'cli-'));
    try {
      const outfile = join(dir, 'cli.mjs');
      await build({
        entryPoints: [fileURLToPath(new URL('./cli.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        conditions: ['source'],
        external: ['hono', 'hono/*', '@hono/node-server'],
        outfile,
        logLevel: 'silent',
      });
      const child = spawn(process.execPath, [outfile, '--port', '0', '--test-controls'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${String(code)}`)));
      });
      expect((await fetch(`${url}/__simulator/calls`)).status).toBe(200);
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
