import { expect, test } from 'vitest';
import { MaasStatusError } from '../../../src-main/maas-client/errors';
import { idChunks, powerParametersReader } from '../../../src-main/maas-client/power-bulk';

const ids = Array.from({ length: 700 }, (_, i) => `node${String(i).padStart(4, '0')}`);

test('ids are chunked so each query string stays within its budget, in order, none lost', () => {
  const chunks = idChunks(ids, 3000);
  expect(chunks.flat()).toEqual(ids);
  for (const c of chunks) expect(c.map((id) => `id=${id}&`).join('').length).toBeLessThanOrEqual(3000);
  expect(chunks.length).toBe(Math.ceil((700 * 12) / 3000));
  expect(idChunks([])).toEqual([]);
});

test('bulk where the server has the op: one request per chunk, answers merged by system id', async () => {
  const asked: string[][] = [];
  const read = powerParametersReader({
    bulk: async (chunk) => { asked.push(chunk); return Object.fromEntries(chunk.filter((id) => id !== 'node0003').map((id) => [id, { power_address: id }])); },
    one: async () => { throw new Error('not per node'); },
  });
  const got = await read([...ids, 'node0001']);
  expect(asked.length).toBe(idChunks(ids).length);
  expect(got.size).toBe(699); // node0003 is not on the server: absent
  expect(got.get('node0042')).toEqual({ power_address: 'node0042' });
  expect((await read([])).size).toBe(0);
});

test('a server without the bulk op is read one node at a time, a few at once, and not asked for the bulk op again', async () => {
  let bulkCalls = 0;
  let inFlight = 0;
  let most = 0;
  const read = powerParametersReader({
    bulk: async () => { bulkCalls++; throw new MaasStatusError('GET machines/ op=power_parameters: HTTP 400', 400, 'Unrecognised signature'); },
    one: async (id) => {
      inFlight++; most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      if (id === 'gone') throw new MaasStatusError('HTTP 404', 404, 'Not Found');
      return { power_address: id };
    },
  });
  const got = await read(['a', 'b', 'c', 'gone', ...ids.slice(0, 20)]);
  expect([...got.keys()]).toHaveLength(23);
  expect(got.get('a')).toEqual({ power_address: 'a' });
  expect(most).toBeGreaterThan(1);
  expect(most).toBeLessThanOrEqual(8);
  await read(['a']);
  expect(bulkCalls).toBe(1);
});

test('other failures of the bulk read are not hidden by a fallback', async () => {
  const read = powerParametersReader({
    bulk: async () => { throw new MaasStatusError('HTTP 403 Forbidden', 403, ''); },
    one: async () => ({}),
  });
  await expect(read(['a'])).rejects.toThrow(/403/);
});
