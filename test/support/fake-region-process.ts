// Stands in for src-main/region/process-entry.ts in supervisor tests: speaks the region's
// process protocol over Node IPC and serves API 1.0 with the replay server.
//   FAKE_REGION_MODE=fail-start → answers start with an error; =exit → exits on start;
//   =exit-when-signalled → serves, with its pid in <dataDir>/fake-region.pid, until SIGUSR2
//   makes its process die (exit code 9): the test decides when, so a loaded machine cannot
//   make it die before the supervisor has seen it online.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine } from './maas-replay-fixtures';
import { startReplayServer } from './maas-replay-server';

const key = `${randomBytes(9).toString('hex')}:${randomBytes(9).toString('hex')}:${randomBytes(16).toString('hex')}`;
const send = (m: unknown) => process.send!(m);

process.on('message', async (m: { type: string; dataDir?: string }) => {
  if (m.type === 'start') {
    if (process.env.FAKE_REGION_MODE === 'fail-start') { send({ type: 'error', message: `cannot open ${m.dataDir}/region.sqlite: disk full` }); return; }
    if (process.env.FAKE_REGION_MODE === 'exit') process.exit(3);
    const s = await startReplayServer({ api: '1.0', apiKey: key, machines: [machine(1, 0), machine(2, 4)] });
    send({ type: 'ready', url: `${s.root}api/1.0/` });
    if (process.env.FAKE_REGION_MODE === 'exit-when-signalled') {
      process.on('SIGUSR2', () => process.exit(9));
      mkdirSync(m.dataDir!, { recursive: true });
      writeFileSync(join(m.dataDir!, 'fake-region.pid'), String(process.pid));
    }
  } else if (m.type === 'create-api-key') {
    send({ type: 'api-key', key });
  }
});
