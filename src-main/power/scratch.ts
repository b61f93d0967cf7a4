// A private temporary directory for password files and tool configs: created on first
// use with mode 0700, each file 0600 and removed as soon as its tool has finished.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Scratch {
  dir(): Promise<string>;
  /**
   * Writes `content` to a 0600 file called `name` in a fresh private subdirectory (tools
   * such as net-snmp want an exact file name in a directory of its own), runs `fn` with
   * its path, then deletes both.
   */
  withFile<T>(name: string, content: string, fn: (path: string) => Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

export function createScratch(): Scratch {
  let made: Promise<string> | undefined;
  const dir = () => (made ??= mkdtemp(join(tmpdir(), 'maas-power-')));
  return {
    dir,
    async withFile(name, content, fn) {
      const sub = await mkdtemp(join(await dir(), 'f-'));
      const path = join(sub, name);
      await writeFile(path, content, { mode: 0o600, flag: 'wx' });
      try {
        return await fn(path);
      } finally {
        await rm(sub, { recursive: true, force: true });
      }
    },
    async remove() {
      if (made) await rm(await made, { recursive: true, force: true });
    },
  };
}
