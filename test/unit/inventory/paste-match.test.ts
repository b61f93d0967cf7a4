import { expect, test } from 'vitest';
import { indexNodes } from '../../../src-shared/inventory/node-index';
import { matchPastedList } from '../../../src-shared/inventory/paste-match';
import { makeNode } from './make-node';

const entries = indexNodes([
  makeNode({ systemId: 'abc123', hostname: 'node-1.maas', macAddresses: ['52:54:00:12:34:56'] }),
  makeNode({ systemId: 'def456', hostname: 'node-2', macAddresses: ['52:54:00:ab:cd:ef', '52:54:00:ab:cd:f0'] }),
  makeNode({ systemId: 'ghi789', hostname: 'NODE-3', macAddresses: [] }),
]);

test('hostnames (full or short, any case), MACs in any notation, and system ids all select', () => {
  const r = matchPastedList('node-1\r\n52-54-00-AB-CD-F0\n  GHI789  \n\n5254.00ab.cdef\nnode-3.maas\nnode-3', entries);
  expect(r.matched).toEqual(['abc123', 'def456', 'ghi789']);
  expect(r.unmatched).toEqual(['node-3.maas']);
  expect(r.lines).toBe(6);
});

test('what matched nothing is reported as it was written, spreadsheet separators split', () => {
  const r = matchPastedList('node-2,Node-9\tdeadbeef;52:54:00:00:00:00', entries);
  expect(r.matched).toEqual(['def456']);
  expect(r.unmatched).toEqual(['Node-9', 'deadbeef', '52:54:00:00:00:00']);
});

test('an empty paste matches nothing and reports nothing', () => {
  expect(matchPastedList(' \n\n', entries)).toEqual({ matched: [], unmatched: [], lines: 0 });
});
