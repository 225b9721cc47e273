import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/opsplan.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/standard.en.yaml', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `bin/opsplan.js` as `npx opsplan` would, from an unrelated directory. */
function opsplan(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: tmpdir(), env: { ...process.env, LANG: 'en_US.UTF-8', TEMPLATES_DIR: '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('bin/opsplan.js', () => {
  it('runs the TypeScript CLI through tsx and exits 0 for --help', async () => {
    const run = await opsplan('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('opsplan lint <plan.yaml>');
  });

  it('exits 2 with a message on stderr for an unknown command', async () => {
    const run = await opsplan('publish');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "publish"');
  });

  it('lints and renders a plan file given by path', async () => {
    const lint = await opsplan('lint', EXAMPLE, '--today', '2026-01-05');
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain('0 errors');
    const render = await opsplan('render', EXAMPLE, '--format', 'md');
    expect(render.code).toBe(0);
    expect(render.stdout.startsWith('# ')).toBe(true);
  });
});
