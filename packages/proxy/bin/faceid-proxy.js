#!/usr/bin/env node
// Committed shim so npm links the command at install time, before `prepare` builds dist/.
// It loads the one-file bundle of dist/node/cli.js (`npm run build` makes it): half the start-up time.
import '../dist/faceid-proxy.js';
