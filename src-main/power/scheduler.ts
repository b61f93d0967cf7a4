// Two independent limits: one operation at a time per BMC (a BMC handles one session
// badly enough; MAAS serialised power actions per node through its power-action registry),
// and a global cap on tools running at once. An operation holds its BMC for its whole
// life (change, waits, checks) but takes a global slot only while a tool or request is
// actually talking to hardware, so a BMC that is being waited on — or retried after a
// timeout — never keeps a slot from the others.

export interface Scheduler {
  /** Runs `fn` after every earlier operation on `key` has finished. */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` inside one of the global slots. */
  slot<T>(fn: () => Promise<T>): Promise<T>;
  /** Keys with an operation running or queued. */
  busy(key: string): boolean;
  /** Rejects everything still waiting for a slot. */
  close(reason: Error): void;
}

export function createScheduler(concurrency: number): Scheduler {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  const tails = new Map<string, Promise<unknown>>();
  const pending = new Map<string, number>();
  let active = 0;
  let closed: Error | undefined;
  const waiting: { go: () => void; stop: (e: Error) => void }[] = [];

  const acquire = (): Promise<void> => {
    if (closed) return Promise.reject(closed);
    if (active < concurrency) {
      active++;
      return Promise.resolve();
    }
    return new Promise((go, stop) => waiting.push({ go, stop }));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next.go(); // the slot passes straight on
    else active--;
  };

  return {
    exclusive(key, fn) {
      const before = tails.get(key) ?? Promise.resolve();
      pending.set(key, (pending.get(key) ?? 0) + 1);
      const run = before.then(fn); // `before` never rejects (see `tail`)
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        const n = (pending.get(key) ?? 1) - 1;
        if (n === 0) pending.delete(key);
        else pending.set(key, n);
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
    async slot(fn) {
      await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
    busy: (key) => pending.has(key),
    close(reason) {
      closed = reason;
      for (const w of waiting.splice(0)) w.stop(reason);
    },
  };
}
