// A SeaMicro 15000 chassis's IPMI side: OpenIPMI's own ipmi_sim (Debian openipmi) with a
// small plugin (./seamicro-ipmi/seamicro_oem.c, built with gcc against Debian's
// libopenipmi-dev) answering SeaMicro's OEM power command exactly as MAAS sent it — netfn
// 0x2E, cmd 1, 00 7d ab MODE 0 SERVER — per server, and refusing anything else with the
// IPMI completion code a BMC uses (0xC1 unknown IANA/command, 0xC7 length, 0xCC mode or
// reserved byte, 0xC9 server out of range). Everything else (sessions, RAKP, users) is
// ipmi_sim's, unchanged.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cPlugin } from '../../../support/c-plugin';
import { startIpmiSim, type IpmiSim } from './ipmi-sim';

export interface SeaMicroIpmi {
  bmc: IpmiSim;
  /** Server id → power, as the plugin recorded it after the last accepted command. */
  servers(): Promise<Map<number, 'on' | 'off'>>;
  /** Accepted commands in order, as "MODE SERVER" (e.g. "1 5": on, server 5). */
  commands(): Promise<string[]>;
  stop(): Promise<void>;
}

const source = join(dirname(fileURLToPath(import.meta.url)), 'seamicro-ipmi', 'seamicro_oem.c');

export function seamicroPlugin(): string {
  return cPlugin({ name: 'seamicro-oem', source, debianPackage: 'libopenipmi-dev', header: '/usr/include/OpenIPMI/mcserv.h' });
}

/** `servers`: how many server cards the chassis holds (ids 0 … servers-1). */
export async function startSeaMicroIpmi(opts: { servers: number }): Promise<SeaMicroIpmi> {
  const plugin = seamicroPlugin();
  const dir = await mkdtemp(join(tmpdir(), 'seamicro-ipmi-'));
  const state = join(dir, 'servers');
  const bmc = await startIpmiSim({ modules: [{ path: plugin, options: `servers=${opts.servers} state=${state}` }] }).catch(async (e: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw e;
  });
  const lines = async (file: string) => (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return {
    bmc,
    servers: async () => new Map((await lines(state)).map((l) => { const [id, p] = l.split(' '); return [Number(id), p as 'on' | 'off']; })),
    commands: () => lines(`${state}.log`),
    async stop() {
      await bmc.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
