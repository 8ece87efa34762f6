#!/usr/bin/env node
// Entry point of the `ogi-audit` CLI. Refuses old Node before loading any native module.
await import('../scripts/require-node22.mjs');
const { register } = await import('tsx/esm/api');
register();
await import('../src/main/cli/index.ts');
