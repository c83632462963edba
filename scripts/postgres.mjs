// Finds Debian's PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin), newest version first.
// Shared by scripts/ensure-postgres.mjs and the proxy's test helper (packages/proxy/test/postgres.ts).
import { existsSync, readdirSync } from 'node:fs';

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
