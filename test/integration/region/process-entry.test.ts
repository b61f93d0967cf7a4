// The child-process protocol the connections supervisor relies on (process-entry.ts, over
// Node's fork IPC): start → ready with the URL, create-api-key → api-key, errors as values.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { fetch } from 'undici';
import { plaintextHeader, tempDir } from './helpers';

const ENTRY = fileURLToPath(new URL('../../../src-main/region/process-entry.ts', import.meta.url));

test('messages: error before start, ready, api-key, error on a second start and on unknown types', async () => {
  const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const inbox: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (m: Record<string, unknown>) => {
    inbox.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  const next = async () => {
    while (!inbox.length) await new Promise<void>((r) => waiters.push(r));
    return inbox.shift()!;
  };
  try {
    child.send({ type: 'create-api-key' });
    expect(await next()).toEqual({ type: 'error', message: 'create-api-key: the region is not started.' });
    child.send({ type: 'start', dataDir: '' });
    expect((await next()).type).toBe('error');
    child.send({ type: 'start', dataDir: tempDir(), port: 0 });
    const ready = await next();
    expect(ready).toMatchObject({ type: 'ready', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/MAAS\/api\/1\.0\/$/) });
    child.send({ type: 'create-api-key' });
    const key = await next();
    expect(key).toMatchObject({ type: 'api-key', key: expect.stringMatching(/^\w+:\w+:\w+$/) });
    const r = await fetch(`${ready.url}nodes/?op=list`, { headers: { authorization: plaintextHeader(key.key as string) } });
    expect(r.status).toBe(200);
    child.send({ type: 'start', dataDir: tempDir(), port: 0 });
    expect(await next()).toEqual({ type: 'error', message: 'The region is already started.' });
    child.send({ type: 'launch' });
    expect(await next()).toEqual({ type: 'error', message: 'Unknown message type: "launch"' });
  } finally {
    child.kill('SIGKILL');
  }
}, 60_000);
