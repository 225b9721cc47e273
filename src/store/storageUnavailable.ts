/**
 * Raised by services when Redis cannot serve a request in time. Listeners turn it into
 * a message telling the user storage is unavailable and that nothing already saved is lost.
 */
export class StorageUnavailableError extends Error {
  readonly code = 'storage_unavailable';
  constructor(cause: unknown) {
    super('storage is unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

// ioredis reports connectivity problems only through message text and a few class names.
const CONNECTIVITY_MESSAGES = [
  'Connection is closed',
  "Stream isn't writeable",
  'Command timed out',
  'connect ECONNREFUSED',
  'connect ETIMEDOUT',
  'read ECONNRESET',
  'write EPIPE',
  'Reached the max retries per request limit',
  'CLUSTERDOWN',
  'TRYAGAIN',
  'LOADING',
  'MASTERDOWN',
  'READONLY',
  'NOREPLICAS',
  'Too many Cluster redirections',
  // A full Redis under noeviction refuses writes: nothing is lost, but nothing can be saved.
  'OOM command not allowed',
  'None of the sentinels are available',
  'Failed to refresh slots cache',
];

export function isStorageUnavailable(err: unknown): boolean {
  if (err instanceof StorageUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  if (err.name === 'MaxRetriesPerRequestError') return true;
  return CONNECTIVITY_MESSAGES.some((m) => err.message.includes(m));
}

/** Runs a storage operation, re-raising connectivity failures as StorageUnavailableError. */
export async function withStorage<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw isStorageUnavailable(err) ? new StorageUnavailableError(err) : err;
  }
}
