#!/usr/bin/env node
/**
 * `faceid-simulator --port 8788 --credential ID:KEY [--credential …] [--public-url URL] [--test-controls] [--host H]`
 * Serves the FaceID simulator, prints the URL it listens on, stops cleanly on SIGINT/SIGTERM.
 */
import { runCli } from './cli-run.js';

try {
  const simulator = await runCli(process.argv.slice(2));
  if (typeof simulator === 'number') {
    process.exitCode = simulator;
  } else {
    const stop = () => {
      simulator.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  console.error(`faceid-simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
