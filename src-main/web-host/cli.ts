// `npm run web [-- --port N] [-- --data DIR]`: the console for a browser on this machine.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeRegionSpawner } from '../connections/index';
import { composeConsole } from '../console/compose';
import { defaultDataDir } from '../console/data-dir';
import { consoleVersion } from '../console/version';
import { createDispatcher, EventHub } from '../ipc/dispatcher';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } },
});
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not ${JSON.stringify(values.port)}`);
  process.exit(2);
}
const dataDir = resolve(values.data ?? defaultDataDir());
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

const hub = new EventHub();
const composed = await composeConsole({
  host: 'web', version: consoleVersion, dataDir, emit: hub.emit.bind(hub),
  // A headless box has no system browser to hand links to; the page opens them itself.
  openExternal: async () => false,
  // "This laptop": the embedded region in a process of its own, as in the app.
  spawnRegion: nodeRegionSpawner(resolve(import.meta.dirname, '../region/process-entry.ts')),
});
const web = await startWebHost({
  staticDir: resolve(import.meta.dirname, '../../out/web'),
  dispatch: createDispatcher(composed.handlers, (l) => console.error(l)),
  hub, port, host: values.host,
  log: (l) => console.error(l),
});
console.log(`Console: ${web.url}`);

const stop = async () => { await web.close(); await composed.close(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
