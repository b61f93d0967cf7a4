// "This laptop" in the app: the embedded region runs in an Electron utilityProcess (its own
// process, so SQLite work, XPath and power polling never block the window), speaking the
// region's message protocol (src-main/region/process-entry.ts).
import { join } from 'node:path';
import { utilityProcess } from 'electron';
import type { FromRegion, SpawnRegion } from '../connections/embedded-region';

export const utilityRegionSpawner = (mainDir: string): SpawnRegion => () => {
  const child = utilityProcess.fork(join(mainDir, 'region.js'), [], { serviceName: 'MAAS Console region', stdio: 'inherit' });
  return {
    send: (m) => child.postMessage(m),
    onMessage: (h) => { child.on('message', (m) => h(m as FromRegion)); },
    onExit: (h) => { child.on('exit', (code) => h(code)); },
    kill: () => { child.kill(); },
  };
};
