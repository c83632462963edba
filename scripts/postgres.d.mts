/** The bin folder of Debian's PostgreSQL server binaries (initdb, postgres), or null. See postgres.mjs. */
export function findPostgresBin(): string | null;
