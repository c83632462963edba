#!/usr/bin/env node
// Committed shim so npm links the command at install time, before `prepare` builds dist/.
// Unbundled on purpose: a one-file bundle shipped a second copy of every dependency (1.3 MB) for about a fifth
// of the start-up time (scripts/bench/cli-startup.mjs measures both).
import '../dist/node/cli.js';
