#!/usr/bin/env node
// Committed shim so npm links the command at install time, before `prepare` builds dist/.
import '../dist/cli.js';
