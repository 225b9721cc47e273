import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftStore } from '../../src/store/draftStore.js';
import { RedisDraftStore } from '../../src/store/redis/redisDraftStore.js';
import { redisOptions } from '../../src/store/redisConnection.js';
import { isStorageUnavailable } from '../../src/store/storageUnavailable.js';
import type { WorkspaceKey } from '../../src/store/workspaceKey.js';
import { type RedisServerHandle, startRedisServer } from '../support/redis/redisServer.js';
import { createTestDraft, newWorkspace } from './contract/contractSubject.js';
import { type TestDoc, TestDocSchema, testDoc } from './testDoc.js';

// Slack gives an interaction 3 s; the store must fail well inside that so the user gets a message.
const PROMPT_MS = 1_500;

/**
 * Redis crashing or hanging under the store, with the app's real connection settings: calls fail
 * fast with an error the caller recognises as "storage unavailable", and what is stored afterwards is
 * always a whole save — version, doc and history agree — never half of one.
 */
describe('RedisDraftStore when Redis fails', () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let store: DraftStore<TestDoc>;

  beforeAll(async () => {
    server = await startRedisServer({ appendonly: true });
    redis = new Redis(server.url, redisOptions());
    redis.on('error', () => {}); // reconnect noise while the server is down is expected here
    store = new RedisDraftStore(redis, TestDocSchema);
  });
  afterAll(async () => {
    redis.disconnect();
    await server.dispose();
  });

  async function ready(): Promise<void> {
    if (redis.status !== 'ready') await once(redis, 'ready');
  }

  /** Runs `operation`; returns the error it rejected with (if any) and how long it took. */
  async function timedFailure(operation: () => Promise<unknown>) {
    const started = performance.now();
    const error = await operation().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    return { error, elapsedMs: performance.now() - started };
  }

  async function expectConsistent(ws: WorkspaceKey, id: string) {
    const record = await store.get(ws, id);
    if (record === null) throw new Error('draft lost');
    const history = await store.history(ws, id);
    // Every save increments the counter, so a half-applied save would show up as a mismatch.
    expect(record.doc.counter).toBe(record.version - 1);
    expect(history[0]?.version).toBe(record.version);
    expect(history.map((entry) => entry.version)).toEqual(
      Array.from({ length: history.length }, (_, index) => record.version - index),
    );
    expect((await store.getRevision(ws, id, record.version))?.doc).toEqual(record.doc);
    return record;
  }

  it('fails saves promptly when Redis is killed, keeps every acknowledged save, and carries on after restart', async () => {
    await ready();
    const ws = newWorkspace();
    const drafts = await Promise.all(
      ['A', 'B', 'C', 'D'].map((title) => createTestDraft(store, ws, { title })),
    );
    const acknowledged = new Map(drafts.map((draft) => [draft.id, 1]));
    let totalSaves = 0;
    let crash: Promise<void> | undefined;

    // Four editors keep saving; the server is crashed while their next saves are in flight.
    const keepSaving = async (id: string) => {
      for (;;) {
        const version = acknowledged.get(id) ?? 1;
        const input = { expectedVersion: version, doc: testDoc({ counter: version }) };
        const failure = await timedFailure(async () => {
          const result = await store.save(ws, id, { ...input, title: 'saved', by: 'UOWNER' });
          if (!result.ok) throw new Error(`unexpected ${result.reason}`);
          acknowledged.set(id, result.record.version);
          totalSaves += 1;
          if (totalSaves === 60) crash = server.kill('SIGKILL');
        });
        if (failure.error !== undefined) return failure;
      }
    };
    const failures = await Promise.all(drafts.map((draft) => keepSaving(draft.id)));
    await crash;

    for (const failure of failures) {
      expect(isStorageUnavailable(failure.error), String(failure.error)).toBe(true);
      expect(failure.elapsedMs).toBeLessThan(PROMPT_MS);
    }
    const whileDown = await timedFailure(() => store.get(ws, drafts[0]?.id ?? ''));
    expect(isStorageUnavailable(whileDown.error)).toBe(true);
    expect(whileDown.elapsedMs).toBeLessThan(PROMPT_MS);

    await server.restart();
    await ready();
    for (const draft of drafts) {
      const record = await expectConsistent(ws, draft.id);
      expect(record.version).toBeGreaterThanOrEqual(acknowledged.get(draft.id) ?? 1);
      // The restarted server has no cached scripts: EVALSHA falls back to EVAL transparently.
      const next = await store.save(ws, draft.id, {
        expectedVersion: record.version,
        doc: testDoc({ counter: record.version }),
        title: 'after restart',
        by: 'UOWNER',
      });
      expect(next.ok).toBe(true);
      await expectConsistent(ws, draft.id);
    }
  });

  it('fails a save promptly when Redis hangs; once it thaws, retrying the same request reports success', async () => {
    await ready();
    const ws = newWorkspace();
    const draft = await createTestDraft(store, ws);
    const input = {
      expectedVersion: 1,
      doc: testDoc({ counter: 1 }),
      title: draft.title,
      by: 'UOWNER',
      requestId: 'view-V1-hash-abc',
    };

    server.pause();
    const hung = await timedFailure(() => store.save(ws, draft.id, input));
    server.resume();

    expect(isStorageUnavailable(hung.error)).toBe(true);
    expect(hung.elapsedMs).toBeLessThan(PROMPT_MS);
    // The hung save reached Redis and runs once it thaws (commands on a connection stay in order, so
    // this read sees it). The user's retry must not be told that their own save is a conflict.
    const landed = await expectConsistent(ws, draft.id);
    expect(landed.version).toBe(2);
    const retry = await store.save(ws, draft.id, input);
    expect(retry).toMatchObject({ ok: true, record: { version: 2, doc: { counter: 1 } } });
    expect(await store.history(ws, draft.id)).toHaveLength(2);
  });
});
