// Makes sure PostgreSQL server binaries exist before the store tests start their own servers, saying what it
// does: found → nothing to do; else (root, Debian) `apt-get install -y postgresql`. Idempotent.
import { spawnSync } from 'node:child_process';
import { findPostgresBin } from './postgres.mjs';

/** @param {string} command @param {string[]} args */
function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  return (
    spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0
  );
}

export function ensurePostgres() {
  let bin = findPostgresBin();
  if (!bin && process.getuid?.() === 0 && process.platform === 'linux') {
    console.log("No PostgreSQL server found; installing Debian's postgresql with apt-get (running as root)…");
    if (run('apt-get', ['update'])) run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql']);
    bin = findPostgresBin();
  }
  if (!bin) {
    throw new Error(
      'No PostgreSQL server binaries (initdb, postgres) in /usr/lib/postgresql/*/bin. Install them ' +
        '(`apt-get install postgresql`) or point FACEID_TEST_PG_BIN at their folder.',
    );
  }
  console.log(`PostgreSQL: ${bin}`);
  return bin;
}

if (import.meta.url === `file://${process.argv[1]}`) ensurePostgres();
