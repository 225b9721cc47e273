#!/usr/bin/env node
// A tiny shim so `npx opsplan` runs the TypeScript CLI directly: tsx compiles on import, no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
