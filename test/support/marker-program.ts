// A program that must never run: it leaves a file behind if it does. Used with libvirt URIs
// whose `command=` (or ProxyCommand) would execute it.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MarkerProgram {
  path: string;
  ran(): boolean;
}

export function markerProgram(dir: string, name = 'never-run'): MarkerProgram {
  const path = join(dir, `${name}.sh`);
  const flag = join(dir, `${name}.ran`);
  writeFileSync(path, `#!/bin/sh\ntouch '${flag}'\n`);
  chmodSync(path, 0o755);
  return { path, ran: () => existsSync(flag) };
}
