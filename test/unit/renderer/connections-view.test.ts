// The Connections view and header switcher against an in-memory console client: the list
// with health, switching, add with the key masked and saved only after a passing test,
// trusting a shown certificate, remove with confirmation, and import from the MAAS CLI.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, expect, test } from 'vitest';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { ConnectionTestResult, ConnectionView } from '../../../src-shared/contract/connections';
import ConnectionsHarness from './ConnectionsHarness.svelte';

const conn = (id: string, name: string, o: Partial<ConnectionView> = {}): ConnectionView => ({
  id, name, url: `http://${id}:5240/MAAS/`, kind: 'remote', apiVersion: '2.0', maasVersion: '3.4.1',
  tls: { caFile: null, pinnedFingerprint: null }, health: 'online', healthMessage: null,
  lastReached: new Date().toISOString(), lastChecked: null, active: false, ...o,
});
const FP = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase()).join(':');

function fakeConsole(testAnswers: ConnectionTestResult[] = []) {
  let list = [conn('local', 'This laptop', { kind: 'embedded', apiVersion: '1.0', maasVersion: null, active: true }),
    conn('c-1', 'Lab', { health: 'key-rejected', healthMessage: 'Lab: GET zones/: HTTP 401' })];
  const calls: { channel: string; req: Record<string, unknown> }[] = [];
  let push: (l: ConnectionView[]) => void = () => {};
  const reply = (value: unknown) => ({ ok: true, value });
  const client = {
    call: async (channel: string, req: Record<string, unknown>) => {
      calls.push({ channel, req });
      switch (channel) {
        case 'connections.list': return reply(list);
        case 'connections.switch': list = list.map((c) => ({ ...c, active: c.id === req.id })); push(list); return reply(list.find((c) => c.id === req.id));
        case 'connections.test': return reply(testAnswers.shift() ?? { health: 'online', message: 'Reached MAAS 3.4.1 (API 2.0); the key works.', apiVersion: '2.0', maasVersion: '3.4.1', root: req.url, certificate: null });
        case 'connections.add': { const c = conn('c-2', String(req.name)); list = [...list, c]; push(list); return reply(c); }
        case 'connections.remove': list = list.filter((c) => c.id !== req.id); push(list); return reply({ removed: req.id });
        case 'connections.health': return reply(list);
        case 'connections.cliProfiles': return reply([
          { source: '/home/t/.maascli.db', name: 'admin', url: 'http://m/MAAS/api/2.0/', hasKey: true, importedAs: null },
          { source: '/home/t/.maascli.db', name: 'anon', url: 'http://m/MAAS/api/2.0/', hasKey: false, importedAs: null },
        ]);
        case 'connections.importCli': return reply([{ name: 'admin', ok: true, connection: conn('c-3', 'admin'), error: null }]);
        default: return { ok: false, error: { code: 'unknown-channel', message: channel } };
      }
    },
    on: (event: string, h: (l: ConnectionView[]) => void) => { if (event === 'connections.changed') push = h; return () => {}; },
  } as unknown as ConsoleClient;
  return { client, calls };
}

beforeEach(() => { localStorage.setItem('maas-console.theme', 'light'); });

test('lists every connection with its health, and the switcher changes the active one', async () => {
  const { client, calls } = fakeConsole();
  render(ConnectionsHarness, { client });
  const table = await screen.findByRole('table', { name: 'Connections' });
  await within(table).findByText('Lab');
  expect(within(table).getByText('Key rejected')).toBeTruthy();
  expect(within(table).getByText('Lab: GET zones/: HTTP 401')).toBeTruthy();
  expect(within(table).getByText('embedded region, works offline')).toBeTruthy();
  const select = screen.getByLabelText('Connection') as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent)).toEqual(['This laptop · Online', 'Lab · Key rejected']);
  await fireEvent.change(select, { target: { value: 'c-1' } });
  await waitFor(() => expect(calls.some((c) => c.channel === 'connections.switch' && c.req.id === 'c-1')).toBe(true));
  await waitFor(() => expect(table.querySelector('tr.is-active')?.getAttribute('data-connection')).toBe('c-1'));
  expect(screen.queryByRole('button', { name: 'Remove This laptop' })).toBeNull();
});

test('adding: the key is masked, Save waits for a passing test of the values in the form', async () => {
  const { client, calls } = fakeConsole();
  render(ConnectionsHarness, { client });
  await fireEvent.click(await screen.findByRole('button', { name: 'Add connection' }));
  await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Rack row 3' } });
  await fireEvent.input(screen.getByLabelText('URL'), { target: { value: 'http://10.0.0.2:5240/MAAS/' } });
  const key = screen.getByLabelText('API key') as HTMLInputElement;
  expect(key.type).toBe('password');
  await fireEvent.input(key, { target: { value: 'ck:tk:sekrit' } });
  const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
  expect(save.disabled).toBe(true);
  await fireEvent.click(screen.getByRole('button', { name: 'Test' }));
  await screen.findByText('Reached MAAS 3.4.1 (API 2.0); the key works.');
  expect(save.disabled).toBe(false);
  await fireEvent.input(key, { target: { value: 'ck:tk:other' } }); // changed since the test
  expect(save.disabled).toBe(true);
  await fireEvent.click(screen.getByRole('button', { name: 'Test' }));
  await waitFor(() => expect(save.disabled).toBe(false));
  await fireEvent.click(save);
  await waitFor(() => expect(calls.find((c) => c.channel === 'connections.add')?.req).toEqual(
    { name: 'Rack row 3', url: 'http://10.0.0.2:5240/MAAS/', apiKey: 'ck:tk:other', tls: { caFile: null, pinnedFingerprint: null } }));
  await waitFor(() => expect(screen.queryByLabelText('API key')).toBeNull());
  expect(await screen.findAllByText('Rack row 3')).not.toHaveLength(0);
});

test('a certificate is shown and trusted only after the user confirms the fingerprint', async () => {
  const certificate = { subject: 'CN=maas.lab', issuer: 'CN=maas.lab', validFrom: 'Jan 1', validTo: 'Dec 31', fingerprint256: FP,
    subjectAltName: 'DNS:maas.lab', trustedBySystem: false, problem: 'DEPTH_ZERO_SELF_SIGNED_CERT' };
  const { client, calls } = fakeConsole([{ health: 'tls', message: 'TLS problem: self-signed certificate', apiVersion: null, maasVersion: null, root: null, certificate }]);
  render(ConnectionsHarness, { client });
  await fireEvent.click(await screen.findByRole('button', { name: 'Add connection' }));
  await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'TLS lab' } });
  await fireEvent.input(screen.getByLabelText('URL'), { target: { value: 'https://maas.lab:5443/MAAS/' } });
  await fireEvent.input(screen.getByLabelText('API key'), { target: { value: 'ck:tk:ts' } });
  await fireEvent.click(screen.getByRole('button', { name: 'Test' }));
  expect(await screen.findByText(FP)).toBeTruthy();
  const trust = screen.getByRole('button', { name: 'Trust this certificate' }) as HTMLButtonElement;
  expect(trust.disabled).toBe(true);
  await fireEvent.click(screen.getByLabelText('I have checked the fingerprint'));
  await fireEvent.click(trust);
  await waitFor(() => expect(calls.filter((c) => c.channel === 'connections.test').at(-1)?.req.tls).toEqual({ caFile: null, pinnedFingerprint: FP }));
  await waitFor(() => expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false));
});

test('remove asks first; import lists CLI profiles without keys and imports the chosen ones', async () => {
  const { client, calls } = fakeConsole();
  render(ConnectionsHarness, { client });
  await fireEvent.click(await screen.findByRole('button', { name: 'Remove Lab' }));
  expect(calls.some((c) => c.channel === 'connections.remove')).toBe(false);
  const dialog = screen.getByRole('alertdialog', { name: 'Remove Lab' });
  expect(within(dialog).getByText(/Its API key is deleted from the OS keychain/)).toBeTruthy();
  await fireEvent.click(within(dialog).getByRole('button', { name: 'Remove Lab' }));
  await waitFor(() => expect(calls.find((c) => c.channel === 'connections.remove')?.req).toEqual({ id: 'c-1' }));
  await fireEvent.click(screen.getByRole('button', { name: 'Import from MAAS CLI' }));
  const anon = (await screen.findByText('anon')).closest('label')!.querySelector('input')!;
  expect(anon.disabled).toBe(true);
  await fireEvent.click((await screen.findByText('admin')).closest('label')!.querySelector('input')!);
  await fireEvent.click(screen.getByRole('button', { name: 'Import 1' }));
  await screen.findByText('admin: imported as admin');
  expect(calls.find((c) => c.channel === 'connections.importCli')?.req).toEqual({ names: ['admin'], forgetInCli: false });
});
