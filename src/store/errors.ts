/**
 * Errors the store raises on purpose. Errors from Redis itself (connection closed, timeout, …) are
 * NOT wrapped: they propagate unchanged so the caller can tell "Redis is unreachable" (tell the user
 * to retry) from "the data is wrong" (a bug or tampering; log it).
 */
export type StoreErrorCode =
  /** A value read from Redis failed its schema: never returned half-parsed. */
  | 'corrupt_record'
  /** A document, title or user id given to the store failed validation; nothing was written. */
  | 'invalid_input'
  /** The ids given to `workspaceKey` are not Slack ids. */
  | 'invalid_workspace'
  /** No free draft id after several attempts (practically impossible with 40 random bits). */
  | 'id_exhausted';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** Structured context for logs (workspace, draft id, zod issues) — never document contents. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
