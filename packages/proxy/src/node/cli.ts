#!/usr/bin/env node
// `faceid-proxy`: see main.ts. SIGTERM / SIGINT stop accepting, let requests in flight finish (shutdown.ts), then exit 0
// (explicitly: idle keep-alive sockets to FaceID would otherwise hold the process for their timeout).
import { main } from './main.js';

const result = await main(process.argv.slice(2), process.env);
if (typeof result === 'number') process.exitCode = result;
else
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => void result.close().then(() => process.exit(0)));
