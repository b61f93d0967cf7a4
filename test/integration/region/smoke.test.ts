import { expect, test } from 'vitest';
import { client, enlist, testRegion } from './helpers';

test('a new region serves version, lists no nodes, enlists', async () => {
  const region = await testRegion();
  const call = client(region);
  const v = await call('version/', { key: null });
  expect(v.status).toBe(200);
  expect(v.json().capabilities).toContain('devices-management');
  expect((await call('nodes/', { query: { op: 'list' } })).json()).toEqual([]);
  const [id] = await enlist(call, 1, { anonymous: true });
  const list = (await call('nodes/', { query: { op: 'list' } })).json();
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({ system_id: id, status: 0, substatus: 0, substatus_name: 'New' });
});
