#!/usr/bin/env node
// `faceid-proxy`: see main.ts. SIGTERM / SIGINT close the server, then the process exits by itself.
import { main } from './main.js';

const result = await main(process.argv.slice(2), process.env);
if (typeof result === 'number') process.exitCode = result;
else for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void result.close());
