// The node events panel (embedded by the node detail): one node's events, fixed by MAAS's
// `id=` filter, with no node column, following until it is taken down.
import { render, screen } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { LoggedEvent } from '../../../src-shared/contract/events';
import EventsPanelHarness from './EventsPanelHarness.svelte';

const ev = (id: number, description: string): LoggedEvent => ({
  id, systemId: 'node-aaa', hostname: 'alpha', level: id === 2 ? 'ERROR' : 'INFO', created: 'Mon, 23 Nov. 2026 09:05:01',
  at: Date.UTC(2026, 10, 23, 9, 5, 1), type: 'Node changed status', description,
});

test('shows one node\'s events without a node column and stops following when removed', async () => {
  const calls: { channel: string; req: Record<string, unknown> }[] = [];
  const client = {
    call: async (channel: string, req: Record<string, unknown>) => {
      calls.push({ channel, req });
      if (channel === 'events.query') return { ok: true, value: { events: [ev(3, "From 'Ready' to 'Broken'"), ev(2, 'PSU failed'), ev(1, 'enlisted')], matched: 3, older: null } };
      if (channel === 'events.follow') return { ok: true, value: { followId: 'f9' } };
      return { ok: true, value: { stopped: true } };
    },
    on: () => () => {},
  } as unknown as ConsoleClient;
  const { unmount } = render(EventsPanelHarness, { client, systemId: 'node-aaa' });
  expect(await screen.findByText('— PSU failed')).toBeTruthy();
  expect(screen.getByRole('grid', { name: 'Node events' })).toBeTruthy();
  expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Time', 'Level', 'Event']);
  expect(screen.queryByRole('combobox', { name: 'Add node filter' })).toBeNull();
  expect(calls[0]).toMatchObject({ channel: 'events.query', req: { connectionId: 'lab', filter: { systemIds: ['node-aaa'], minLevel: 'DEBUG' } } });
  expect(calls[1]).toMatchObject({ channel: 'events.follow', req: { after: 3, filter: { systemIds: ['node-aaa'] } } });
  unmount();
  await new Promise((r) => setTimeout(r, 0));
  expect(calls.at(-1)).toEqual({ channel: 'events.unfollow', req: { followId: 'f9' } });
});
