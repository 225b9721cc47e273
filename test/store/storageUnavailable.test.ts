import { describe, expect, it } from 'vitest';
import {
  isStorageUnavailable,
  StorageUnavailableError,
  withStorage,
} from '../../src/store/storageUnavailable.js';

describe('isStorageUnavailable', () => {
  it.each([
    'Connection is closed.',
    "Stream isn't writeable and enableOfflineQueue options is false",
    'Command timed out',
    'connect ECONNREFUSED 127.0.0.1:6390',
    "READONLY You can't write against a read only replica.",
    'NOREPLICAS Not enough good replicas to write.',
    'Too many Cluster redirections. Last error: MOVED 866 127.0.0.1:7001',
    "OOM command not allowed when used memory > 'maxmemory'.",
    'CLUSTERDOWN The cluster is down',
  ])('recognises "%s" as storage being unavailable', (message) => {
    expect(isStorageUnavailable(new Error(message))).toBe(true);
  });

  it('leaves programming errors and data errors alone', () => {
    expect(isStorageUnavailable(new TypeError('x is not a function'))).toBe(false);
    expect(isStorageUnavailable(new Error('ERR wrong number of arguments'))).toBe(false);
    expect(isStorageUnavailable('Connection is closed')).toBe(false);
  });

  it('withStorage re-raises connectivity failures as StorageUnavailableError, others unchanged', async () => {
    await expect(
      withStorage(() => Promise.reject(new Error('Command timed out'))),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    const bug = new TypeError('bug');
    await expect(withStorage(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
