// An lshw folder whose files match no captured node: listed as capturable, then captured as
// new nodes on request — hostname from the lshw (its root node's id), MACs from its network
// interfaces, the lshw attached — and a file whose hostname is taken says so, losing nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { lshwHostname } from '../../../src-main/console/fieldkit/lshw-import';
import { startFieldkitConsole, type FieldkitConsole } from '../../support/fieldkit-console';

const LSHW = readFileSync(resolve(import.meta.dirname, '../../fixtures/lshw/kvm-epyc-vm.xml'), 'utf8');
const FIXTURE_MAC = '02:fc:00:00:00:01';
const lshwOf = (host: string, mac: string) => LSHW.replace('<node id="vm"', `<node id="${host}"`).replace(FIXTURE_MAC, mac);
let fk: FieldkitConsole;

beforeAll(async () => {
  fk = await startFieldkitConsole();
  await fk.call('fieldkit.capture', { hostname: 'r14-u1', macs: ['52:54:00:14:00:01'] });
});
afterAll(async () => { await fk?.close(); });

test('the lshw names its host: the root node id, comments skipped, an invalid one refused', () => {
  expect(lshwHostname(lshwOf('r14-u9', FIXTURE_MAC))).toBe('r14-u9');
  expect(lshwHostname('<!-- <node id="not-this"> --><node id="bad host" class="system"/>')).toBeNull();
});

test('unmatched files are offered, then captured as new nodes with their hostname, MACs and lshw', async () => {
  const files = [
    { name: 'usb/a.xml', text: lshwOf('r14-u1-bmc', '52:54:00:14:00:01') }, // r14-u1's MAC: attached to it
    { name: 'usb/b.xml', text: lshwOf('r14-u2', '52:54:00:14:00:02') },
    { name: 'usb/c.xml', text: lshwOf('r14-u3', '52:54:00:14:00:03') },
    { name: 'usb/d.xml', text: lshwOf('r14-u1', '52:54:00:14:00:04') }, // its hostname is already captured
    { name: 'usb/e.xml', text: 'PSU 2 dead' },
  ];
  const first = await fk.call('fieldkit.lshwImport', { files });
  expect(first.attached.map((a) => [a.file, a.hostname, a.by])).toEqual([['usb/a.xml', 'r14-u1', 'mac']]);
  expect(first.unmatched.map((u) => [u.file, !!u.canCapture])).toEqual([['usb/b.xml', true], ['usb/c.xml', true], ['usb/d.xml', true], ['usb/e.xml', false]]);
  expect((await fk.call('fieldkit.captured', {})).map((n) => n.hostname)).toEqual(['r14-u1']); // nothing captured unasked

  const again = await fk.call('fieldkit.lshwImport', { files: files.slice(1, 4), captureNew: true });
  expect(again.attached.map((a) => [a.file, a.hostname, a.by])).toEqual([['usb/b.xml', 'r14-u2', 'new'], ['usb/c.xml', 'r14-u3', 'new']]);
  expect(again.unmatched).toEqual([{ file: 'usb/d.xml', reason: expect.stringMatching(/^not captured as a new node: .*r14-u1/) }]);
  const captured = await fk.call('fieldkit.captured', {});
  expect(captured.map((n) => [n.hostname, n.macs, n.hasDetails])).toEqual([
    ['r14-u1', ['52:54:00:14:00:01'], true], ['r14-u2', ['52:54:00:14:00:02'], true], ['r14-u3', ['52:54:00:14:00:03'], true]]);
});
