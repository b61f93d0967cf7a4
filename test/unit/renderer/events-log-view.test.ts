// The whole-connection log when its connection is not reachable yet (This laptop while its
// region starts): it says why, and reads again once the connection is online.
import { render, screen } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import EventsLogHarness from './EventsLogHarness.svelte';

test('a failed read is shown, and retried when the connection comes online', async () => {
  let up = false;
  const calls: string[] = [];
  const client = {
    call: async (channel: string) => {
      calls.push(channel);
      if (!up) return { ok: false, error: { code: 'unavailable', message: 'This laptop: the embedded region is not running' } };
      if (channel === 'events.query') return { ok: true, value: { events: [{ id: 1, systemId: 'node-aaa', hostname: 'alpha', level: 'INFO', created: '', at: 0, type: 'Node changed status', description: "From 'New' to 'Commissioning'" }], matched: 1, older: null } };
      if (channel === 'events.zones') return { ok: true, value: ['default', 'rack-12'] };
      if (channel === 'events.follow') return { ok: true, value: { followId: 'f1' } };
      return { ok: true, value: { stopped: true } };
    },
    on: () => () => {},
  } as unknown as ConsoleClient;
  const { rerender, unmount } = render(EventsLogHarness, { client, online: false });
  expect((await screen.findByRole('alert')).textContent).toMatch(/not running/);
  expect(screen.getByText(/0 shown/).textContent).not.toMatch(/whole history/);
  up = true;
  await rerender({ client, online: true });
  expect(await screen.findByText("From 'New' to 'Commissioning'")).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.getByRole('option', { name: 'rack-12' })).toBeTruthy();
  expect(calls.filter((c) => c === 'events.query')).toHaveLength(2);
  unmount();
});
