// Supervises the embedded region, which runs in a process of its own (ARCHITECTURE.md):
// Electron's utilityProcess in the app, child_process.fork under Node in tests and the web
// host. The host injects the spawner; this module speaks the region's protocol:
//   → {type:'start', dataDir, port}   ← {type:'ready', url}
//   → {type:'create-api-key'}         ← {type:'api-key', key}
//                                     ← {type:'error', message} when either fails
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { ConsoleFailure } from '../../src-shared/contract/errors';

export type ToRegion = { type: 'start'; dataDir: string; port: number } | { type: 'create-api-key' };
export type FromRegion = { type: 'ready'; url: string } | { type: 'api-key'; key: string } | { type: 'error'; message: string };

export interface RegionProcess {
  send(message: ToRegion): void;
  onMessage(handler: (message: FromRegion) => void): void;
  onExit(handler: (code: number | null) => void): void;
  kill(): void;
}
export type SpawnRegion = () => RegionProcess;

/** Node's fork of the region's entry, TypeScript run through the tsx loader (dev and tests). */
export function nodeRegionSpawner(entry = resolve('src-main/region/process-entry.ts'), execArgv = ['--import', 'tsx']): SpawnRegion {
  return () => {
    const child = fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return {
      send: (m) => { child.send(m); },
      onMessage: (h) => { child.on('message', (m) => h(m as FromRegion)); },
      onExit: (h) => { child.on('exit', (code) => h(code)); },
      kill: () => { child.kill(); },
    };
  };
}

export interface EmbeddedRegionOptions {
  spawn: SpawnRegion;
  dataDir: string;
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  startTimeoutMs?: number;
  /** Told when the process ends without being asked to. */
  onExit?: (why: string) => void;
}

type Waiter = { want: FromRegion['type']; resolve: (m: FromRegion) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class EmbeddedRegion {
  url: string | null = null;
  #proc: RegionProcess | null = null;
  #waiters: Waiter[] = [];
  #stopping = false;
  constructor(private readonly o: EmbeddedRegionOptions) {}

  #ask(message: ToRegion, want: FromRegion['type'], timeoutMs: number): Promise<FromRegion> {
    const proc = this.#proc;
    if (!proc) return Promise.reject(new ConsoleFailure('unavailable', 'The embedded region is not running.'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w.timer !== timer);
        reject(new ConsoleFailure('unavailable', `The embedded region did not answer "${message.type}" within ${timeoutMs / 1000} s.`));
      }, timeoutMs);
      this.#waiters.push({ want, resolve, reject, timer });
      proc.send(message);
    });
  }

  #settle(m: FromRegion): void {
    const i = m.type === 'error' ? 0 : this.#waiters.findIndex((w) => w.want === m.type);
    const w = this.#waiters[i];
    if (!w) return;
    this.#waiters.splice(i, 1);
    clearTimeout(w.timer);
    if (m.type === 'error') w.reject(new ConsoleFailure('unavailable', `The embedded region failed: ${m.message}`));
    else w.resolve(m);
  }

  async start(): Promise<string> {
    if (this.url) return this.url;
    const proc = this.o.spawn();
    this.#proc = proc;
    this.#stopping = false;
    proc.onMessage((m) => this.#settle(m));
    proc.onExit((code) => {
      const why = `the embedded region's process ended (exit code ${code ?? 'none'})`;
      for (const w of this.#waiters.splice(0)) { clearTimeout(w.timer); w.reject(new ConsoleFailure('unavailable', `${why}.`)); }
      this.#proc = null;
      this.url = null;
      if (!this.#stopping) this.o.onExit?.(why);
    });
    try {
      const m = await this.#ask({ type: 'start', dataDir: this.o.dataDir, port: this.o.port ?? 0 }, 'ready', this.o.startTimeoutMs ?? 30_000);
      this.url = (m as { url: string }).url;
      return this.url;
    } catch (e) {
      await this.stop();
      throw e;
    }
  }

  /** A new admin API key of the region (consumer:token:secret). */
  async createApiKey(): Promise<string> {
    return ((await this.#ask({ type: 'create-api-key' }, 'api-key', 15_000)) as { key: string }).key;
  }

  async stop(): Promise<void> {
    const proc = this.#proc;
    if (!proc) return;
    this.#stopping = true;
    await new Promise<void>((resolve) => { proc.onExit(() => resolve()); proc.kill(); });
  }
}
