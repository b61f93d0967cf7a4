// "This laptop" as a connection profile: always listed, seeded on first start, and a start
// the console waits for, so a call made while its region is starting waits for it rather
// than failing with "not running" a second before it answers.
import type { Profile } from './profile-store';

export const EMBEDDED_ID = 'local';
export const EMBEDDED_NAME = 'This laptop';
/** How long a call on This laptop waits for its region to finish starting. */
export const EMBEDDED_START_WAIT_MS = 60_000;

/** The profile This laptop has before its region first starts. */
export const embeddedProfile = (createdAt: string): Profile => ({
  id: EMBEDDED_ID, kind: 'embedded', name: EMBEDDED_NAME, url: 'http://127.0.0.1/MAAS/', apiVersion: '1.0',
  maasVersion: null, tlsCaFile: null, tlsPinnedFingerprint: null, tlsPinnedAnchorPem: null, health: 'offline',
  healthMessage: 'The embedded region has not started yet.', lastReached: null, lastChecked: null, importedFrom: null,
  createdAt,
});

/** Whether the embedded region runs, and a start in progress that calls may wait for. */
export class EmbeddedRun {
  running = false;
  #starting: Promise<void> | null = null;
  #started: (() => void) | null = null;

  /** A start began: calls wait for it (see startWait). */
  starting(): void {
    if (!this.#starting) this.#starting = new Promise((r) => { this.#started = r; });
  }

  /**
   * While a start is in progress: a promise that settles when it ends or after
   * EMBEDDED_START_WAIT_MS, whichever is first (a start that overruns is then forgotten, so
   * the caller says the region is not running). Null when no start is in progress.
   */
  startWait(): Promise<void> | null {
    if (this.running || !this.#starting) return null;
    const up = this.#starting;
    return new Promise<void>((resolve) => {
      const t = setTimeout(() => { if (this.#starting === up) this.#starting = null; resolve(); }, EMBEDDED_START_WAIT_MS);
      t.unref();
      void up.then(() => { clearTimeout(t); resolve(); });
    });
  }

  /** The start ended (running or stopped): whoever waits goes on. */
  settled(running: boolean): void {
    const waiting = this.#started;
    this.#starting = null;
    this.#started = null;
    this.running = running;
    waiting?.();
  }
}
