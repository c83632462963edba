/**
 * A fresh PostgreSQL server per test file (initdb in a temporary folder, a free port of 127.0.0.1; as root,
 * run as the `postgres` user). The implementation is shared with the benchmarks: scripts/postgres.mjs.
 */
export { startPostgres, type TestPostgres } from '../../../scripts/postgres.mjs';
