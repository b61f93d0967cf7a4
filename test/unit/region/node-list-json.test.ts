// The fast list writer and the object representation must say the same thing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { nodesJson } from '../../../src-main/region/api/node-json';
import { nodesListJsonText } from '../../../src-main/region/api/node-list-json';
import { openRegion } from '../../../src-main/region/start-region';
import { findNodes } from '../../../src-main/region/stores/node-query';

test.each([3, 250])('nodes op=list text equals the object representation (%i nodes)', async (n) => {
  const dir = mkdtempSync(join(tmpdir(), 'region-json-'));
  const r = await openRegion({ dataDir: dir, keyStorage: 'file', log: () => undefined });
  try {
    const core = r.core;
    core.tx(() => {
      const t = core.tags.insert({ name: 'a"quote', definition: '', comment: '', kernel_opts: '' });
      const z = core.zones.insert('z\u00e9', 'd\n"x"');
      for (let i = 0; i < n; i++) {
        const row = core.nodes.insert({ hostname: `h-${i}`, installable: true, status: (i % 16) as 0, zoneId: i % 3 === 0 ? null : z.id, architecture: 'amd64/generic' });
        if (i % 2) core.nodes.addMac(row.id, `52:54:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`);
        if (i % 3 === 1) core.tags.addMember(t.id, row.id);
        if (i % 5 === 0) core.nodes.update(row.id, { owner_id: 1, swap_size: 1000, routers: '["00:11:22:33:44:55"]', error_description: 'é\t"' });
      }
    });
    const text = nodesListJsonText(core.db, { installable: true });
    expect(JSON.parse(text)).toEqual(nodesJson(core.db, findNodes(core.db, { installable: true })));
  } finally {
    r.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
