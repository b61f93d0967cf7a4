// A recorded change edited in place: the form builds the same kind for the same node with the
// new values; a secret left masked stays the mask (kept by main), a typed one replaces it;
// Escape cancels; a refusal from main is shown and the form stays.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { expect, test, vi } from 'vitest';
import type { ChangeSpec, RecordedChange } from '../../../src-shared/contract/change-sets';
import { MASK } from '../../../src-shared/inventory/power-secrets';
import ChangeEditForm from '../../../src-renderer/src/views/changes/ChangeEditForm.svelte';

const recorded = (spec: ChangeSpec): RecordedChange => ({ id: 7, spec, hostname: 'r1-u1', statusAtRecord: 0, recordedAt: '', state: 'recorded', message: null, batch: null });

test('a zone change: new value saved, same kind and node; Escape cancels', async () => {
  const onsave = vi.fn(async () => null);
  const oncancel = vi.fn();
  render(ChangeEditForm, { change: recorded({ kind: 'set-zone', systemId: 'n1', zone: 'rack-1' }), onsave, oncancel });
  const zone = screen.getByLabelText('Zone');
  expect(document.activeElement).toBe(zone);
  await fireEvent.input(zone, { target: { value: ' rack-3 ' } });
  await fireEvent.submit(screen.getByRole('form', { name: 'Edit change 7' }));
  expect(onsave).toHaveBeenCalledWith({ kind: 'set-zone', systemId: 'n1', zone: 'rack-3' });
  await fireEvent.keyDown(zone, { key: 'Escape' });
  expect(oncancel).toHaveBeenCalledOnce();
});

test('a power change: the masked password stays the mask unless typed over; main\'s refusal is shown', async () => {
  const onsave = vi.fn(async (_: ChangeSpec): Promise<string | null> => 'Change 7 is done: only a recorded or failed change can be edited.');
  render(ChangeEditForm, { change: recorded({ kind: 'set-power', systemId: 'n1', powerType: 'ipmi', parameters: { power_address: '10.0.0.1', power_pass: MASK } }), onsave, oncancel: () => {} });
  expect(screen.getByLabelText('power_pass (secret)').getAttribute('type')).toBe('password');
  await fireEvent.input(screen.getByLabelText('power_address'), { target: { value: '10.0.0.2' } });
  await fireEvent.submit(screen.getByRole('form', { name: 'Edit change 7' }));
  expect(onsave).toHaveBeenLastCalledWith({ kind: 'set-power', systemId: 'n1', powerType: 'ipmi', parameters: { power_address: '10.0.0.2', power_pass: MASK } });
  expect((await screen.findByRole('alert')).textContent).toContain('only a recorded or failed change can be edited');
  await fireEvent.input(screen.getByLabelText('power_pass (secret)'), { target: { value: 'typed-pw' } });
  await fireEvent.submit(screen.getByRole('form', { name: 'Edit change 7' }));
  expect(onsave).toHaveBeenLastCalledWith(expect.objectContaining({ parameters: { power_address: '10.0.0.2', power_pass: 'typed-pw' } }));
});
