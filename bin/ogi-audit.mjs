#!/usr/bin/env node
// Entry point of the `ogi-audit` CLI. Refuses old Node before loading any native module, then runs the
// built bundle (out/cli, rebuilt here when a source is newer) with Node's compile cache on, so a run
// starts without compiling TypeScript or re-parsing the JavaScript it ran last time.
import module from 'node:module';

await import('../scripts/require-node22.mjs');
module.enableCompileCache?.();
const { ensureCliBuilt } = await import('../scripts/build-cli.mjs');
await ensureCliBuilt();
await import('../out/cli/index.js');
