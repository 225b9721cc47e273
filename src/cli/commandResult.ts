/** What a command produced: the CLI prints it and exits with the code. Pure commands return this. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const EXIT_OK = 0;
/** `lint` found errors in the plan. */
export const EXIT_REVIEW_ERRORS = 1;
/** Bad usage, or an input that cannot be read or is not a valid plan. */
export const EXIT_USAGE = 2;

export function ok(stdout: string): CommandResult {
  return { exitCode: EXIT_OK, stdout, stderr: '' };
}

export function failure(stderr: string, exitCode = EXIT_USAGE): CommandResult {
  return { exitCode, stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n` };
}
