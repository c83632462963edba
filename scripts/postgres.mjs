// Debian's PostgreSQL for tests and benchmarks: finds the server binaries (/usr/lib/postgresql/<v>/bin, newest
// first) and starts a fresh server in a temporary folder on a free port of 127.0.0.1 (trust auth, fsync off).
// As root, initdb and postgres run as the `postgres` user (initdb refuses root). Nothing is shared: each call
// starts its own server. Used by scripts/ensure-postgres.mjs, packages/proxy/test/postgres.ts, scripts/bench/.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

const ROOT = '/usr/lib/postgresql';

/** @returns {string | null} the bin folder holding initdb and postgres, or null. */
export function findPostgresBin() {
  if (process.env.FACEID_TEST_PG_BIN) return process.env.FACEID_TEST_PG_BIN;
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = `${ROOT}/${version}/bin`;
    if (existsSync(`${bin}/initdb`) && existsSync(`${bin}/postgres`)) return bin;
  }
  return null;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const asRoot = process.getuid?.() === 0;
/** @param {string} command @param {string[]} args @returns {[string, string[]]} */
const asPostgres = (command, args) =>
  asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

/** @param {import('node:child_process').ChildProcess} child @returns {Promise<void>} */
function ready(child) {
  return new Promise((resolve, reject) => {
    let log = '';
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      log += chunk.toString();
      if (!log.includes('database system is ready to accept connections')) return;
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.stderr?.resume();
      resolve();
    };
    /** @param {number | null} code */
    const onExit = (code) => reject(new Error(`postgres exited with ${String(code)}:\n${log}`));
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * @typedef {object} TestPostgres
 * @property {string} url `postgres://postgres@127.0.0.1:PORT/postgres`
 * @property {() => Promise<string>} database creates a new empty database; resolves with its URL
 * @property {() => Promise<void>} down stops the server (fast shutdown), keeping its data
 * @property {() => Promise<void>} up starts it again on the same port and data
 * @property {() => Promise<void>} stop stops it and removes its folder
 */

/** @returns {Promise<TestPostgres>} @throws when no binaries are installed (scripts/ensure-postgres.mjs). */
export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error('No PostgreSQL binaries: run `node scripts/ensure-postgres.mjs` (as root, it installs them).');
  const dir = mkdtempSync(join(tmpdir(), 'faceid-pg-'));
  if (asRoot) {
    const id = (/** @type {string} */ flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = join(dir, 'data');
  const init = spawnSync(
    ...asPostgres(`${bin}/initdb`, ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']),
    { encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  const up = async () => {
    const settings = ['listen_addresses=127.0.0.1', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
    const args = ['-D', data, '-p', String(port), '-k', dir, ...settings.flatMap((s) => ['-c', s])];
    child = spawn(...asPostgres(`${bin}/postgres`, args), { stdio: ['ignore', 'ignore', 'pipe'] });
    await ready(child);
  };
  const down = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    // SIGINT to the postmaster itself (runuser need not pass it on): fast shutdown.
    process.kill(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGINT');
    await exited;
    child = undefined;
  };
  await up();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    database: async () => {
      const name = `test_${(databases += 1)}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    down,
    up,
    stop: async () => {
      await down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
