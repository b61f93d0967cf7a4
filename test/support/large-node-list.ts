// A valid but very large MAAS 3.x node list (each machine with its interfaces and four block
// devices, ~15 kB, as real MAAS 3.x machines are 5-18 kB: 10,000 of them are ~150 MiB),
// served from a thread of its own: writing 150 MB into a socket holds the thread that writes
// it, and the client's thread is the one being watched.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { asApi2, machine } from './maas-replay-fixtures';

/** A MAAS 3.x disk as `blockdevice_set` lists it (fields the console does not read). */
const disk = (id: number, systemId: string) => ({
  id_path: `/dev/disk/by-id/wwn-0x5000c500${String(id).padStart(8, '0')}`, size: 1_000_204_886_016, block_size: 512,
  tags: ['ssd', 'sata'], serial: `ZA${String(id).padStart(10, '0')}`, uuid: null, numa_node: 0, available_size: 0,
  model: 'ST1000NX0423', name: `sd${String.fromCharCode(97 + (id % 26))}`, type: 'physical', storage_pool: null,
  firmware_version: 'NN02', used_for: 'GPT partitioned with 2 partitions', partition_table_type: 'GPT', system_id: systemId,
  path: `/dev/disk/by-dname/sd${id}`, used_size: 1_000_198_897_664, filesystem: null, id,
  partitions: [1, 2].map((p) => ({ uuid: `6a9b3c1e-${String(id).padStart(4, '0')}-4d2f-9a1b-00000000000${p}`, size: 536_870_912 * p,
    bootable: p === 1, tags: [], path: `/dev/disk/by-dname/sd${id}-part${p}`, type: 'partition', id: id * 10 + p, system_id: systemId,
    device_id: id, used_for: p === 1 ? 'fat32 formatted filesystem mounted at /boot/efi' : 'ext4 formatted filesystem mounted at /',
    filesystem: { fstype: p === 1 ? 'fat32' : 'ext4', label: p === 1 ? 'efi' : 'root', uuid: `0f1e2d3c-${id}-${p}`, mount_point: p === 1 ? '/boot/efi' : '/', mount_options: null },
    resource_uri: `/MAAS/api/2.0/nodes/${systemId}/blockdevices/${id}/partition/${id * 10 + p}` })),
  resource_uri: `/MAAS/api/2.0/nodes/${systemId}/blockdevices/${id}/`,
});

export function nodeList(machines: number): Buffer {
  const parts: string[] = [];
  for (let n = 1; n <= machines; n++) {
    const m = asApi2(machine(n, [4, 6, 10][n % 3], { tag_names: [`rack-${n % 40}`, 'gpu'] }), '/MAAS/api/2.0/');
    const disks = Array.from({ length: 4 }, (_, i) => disk(n * 8 + i, m.system_id));
    parts.push(JSON.stringify({ ...m, blockdevice_set: disks, physicalblockdevice_set: disks }));
  }
  return Buffer.from(`[${parts.join(',')}]`);
}

const SERVER = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const body = Buffer.from(workerData);
const server = createServer((req, res) => {
  if (!req.url.startsWith('/MAAS/api/2.0/machines/')) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

/** `machines` machines as one node list, served at `root` (GET machines/) from its own thread. */
export async function serveLargeNodeList(machines: number): Promise<{ body: Buffer; root: string; close: () => Promise<number> }> {
  const generated = nodeList(machines);
  const shared = new SharedArrayBuffer(generated.length);
  const body = Buffer.from(shared);
  generated.copy(body);
  const server = new Worker(SERVER, { eval: true, workerData: shared });
  const [port] = await once(server, 'message') as [number];
  return { body, root: `http://127.0.0.1:${port}/MAAS/`, close: () => server.terminate() };
}
