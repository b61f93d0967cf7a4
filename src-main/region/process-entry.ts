// The child-process entry the app forks (Electron utilityProcess: process.parentPort;
// Node fork: process.send). Protocol, kept exactly for the connections supervisor:
//   in  {type:'start', dataDir, port}      out {type:'ready', url}
//   in  {type:'create-api-key'}            out {type:'api-key', key}
//   any failure                            out {type:'error', message}
import { startRegion, type RunningRegion } from './start-region';
import { createRegionPower } from '../power/region-power';

type Incoming = { type: 'start'; dataDir: string; port?: number; host?: string } | { type: 'create-api-key' } | { type: 'stop' };
type Outgoing = { type: 'ready'; url: string } | { type: 'api-key'; key: string } | { type: 'error'; message: string };

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function post(m: Outgoing): void {
  if (parentPort) parentPort.postMessage(m);
  else process.send?.(m);
}

let region: RunningRegion | null = null;
let starting: Promise<void> | null = null;

async function onMessage(raw: unknown): Promise<void> {
  const m = raw as Incoming;
  try {
    if (m?.type === 'start') {
      if (region || starting) throw new Error('The region is already started.');
      if (typeof m.dataDir !== 'string' || m.dataDir === '') throw new Error('start: dataDir is required.');
      starting = startRegion({ dataDir: m.dataDir, port: m.port ?? 0, host: m.host, power: createRegionPower() }).then((r) => {
        region = r;
      });
      await starting.finally(() => (starting = null));
      post({ type: 'ready', url: region!.url });
    } else if (m?.type === 'create-api-key') {
      if (starting) await starting;
      if (!region) throw new Error('create-api-key: the region is not started.');
      post({ type: 'api-key', key: region.createApiKey() });
    } else if (m?.type === 'stop') {
      await region?.close();
      process.exit(0);
    } else throw new Error(`Unknown message type: ${JSON.stringify((m as { type?: unknown })?.type)}`);
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
}

if (parentPort) parentPort.on('message', (e) => void onMessage(e.data));
else process.on('message', (m) => void onMessage(m));
process.on('disconnect', () => void region?.close().finally(() => process.exit(0)));
