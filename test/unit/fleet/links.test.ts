import { expect, test } from 'vitest';
import { appLink, linkPath, parseAppLink, parseLinkPath, type ConsoleLink } from '../../../src-shared/fleet/links';

test('a node link and a filtered view link round-trip through both hosts', () => {
  const links: ConsoleLink[] = [
    { kind: 'node', connectionId: 'local', systemId: '4y3h7n' },
    { kind: 'view', view: 'inventory', connectionId: 'c-1f2e', query: 'status:ready zone:"rack 12" mac:52:54:00' },
    { kind: 'view', view: 'fleet', query: 'server:lab hostname:r13*' },
    { kind: 'view', view: 'events' },
  ];
  for (const l of links) {
    expect(parseAppLink(appLink(l))).toEqual(l);
    expect(parseLinkPath(`/${linkPath(l)}`)).toEqual(l);
  }
  expect(appLink(links[0])).toBe('maas-console://node/local/4y3h7n');
  expect(linkPath(links[1])).toBe('inventory?connection=c-1f2e&q=status%3Aready+zone%3A%22rack+12%22+mac%3A52%3A54%3A00');
});

test('anything else is refused, not guessed at', () => {
  for (const bad of [
    'http://evil.example/node/local/x', 'maas-console:node/local/x', 'maas-console://node/local',
    'maas-console://node/local/x/extra', 'maas-console://node/../x/y', 'maas-console://node/%2e%2e/x',
    'maas-console://node/local/a%20b', 'maas-console://nowhere', 'maas-console://inventory?connection=../../x',
    'maas-console://node/local/%E0%A4%A', `maas-console://fleet?q=${'a'.repeat(3000)}`, 'maas-console://node/-x/y',
  ]) expect(parseAppLink(bad), bad).toBeNull();
});
