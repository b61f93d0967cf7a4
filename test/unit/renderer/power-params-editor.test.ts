// The power parameters editor checks each value with the one power-parameter validation
// (src-shared/maas/power-params) as it is typed: what is wrong shows beside its field, which
// is marked aria-invalid and described by that message; nothing typed is changed; a masked
// secret is not a value and is not checked; the forms hold Save while anything is wrong.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { expect, test, vi } from 'vitest';
import type { ChangeSpec, RecordedChange } from '../../../src-shared/contract/change-sets';
import { MASK } from '../../../src-shared/inventory/power-secrets';
import PowerParamsEditor from '../../../src-renderer/src/components/PowerParamsEditor.svelte';
import ChangeEditForm from '../../../src-renderer/src/views/changes/ChangeEditForm.svelte';

const described = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '');

test('a refused value is named beside its field, the field invalid and described by it; the text typed stays', async () => {
  render(PowerParamsEditor, { type: 'virsh', parameters: { power_address: 'qemu+ssh://maas@kvm1/system', power_id: 'vm1', power_pass: MASK }, idPrefix: 't-' });
  const address = screen.getByLabelText('power_address');
  expect(address.getAttribute('aria-invalid')).toBeNull();
  expect(document.querySelectorAll('.power-editor__error')).toHaveLength(0);

  const hostile = 'qemu+ext:///system?command=/tmp/marker';
  await fireEvent.input(address, { target: { value: hostile } });
  expect(address.getAttribute('aria-invalid')).toBe('true');
  const [message] = described(address);
  expect(message).toMatch(/^power_address must /);
  expect(message).not.toContain('/tmp/marker'); // the refused value is never repeated
  expect((address as HTMLInputElement).value).toBe(hostile);
  // Beside its own field: the message follows that input, and no other field is marked.
  expect(address.nextElementSibling?.textContent).toBe(message);
  expect(screen.getByLabelText('power_id').getAttribute('aria-invalid')).toBeNull();
  // The masked secret is described as kept, not as wrong.
  expect(described(screen.getByLabelText('power_pass (secret)'))).toEqual(['Left as it is, the secret is unchanged; type to replace it.']);

  await fireEvent.input(address, { target: { value: 'qemu+ssh://maas@kvm2/system' } });
  expect(address.getAttribute('aria-invalid')).toBeNull();
  expect(address.getAttribute('aria-describedby')).toBeNull();
});

test('each field says its own problem: a leading "-", a port out of range, a non-http URL', async () => {
  render(PowerParamsEditor, { type: 'redfish', parameters: { power_address: '', power_user: '', power_pass: '', node_id: '' }, idPrefix: 'r-' });
  await fireEvent.input(screen.getByLabelText('power_address'), { target: { value: 'ftp://bmc.example/redfish' } });
  await fireEvent.input(screen.getByLabelText('power_user'), { target: { value: '-oProxyCommand=touch /tmp/x' } });
  expect(described(screen.getByLabelText('power_address'))[0]).toMatch(/^power_address .*http/);
  expect(described(screen.getByLabelText('power_user'))).toEqual(['power_user must not begin with "-"']);
  expect(screen.getByLabelText('node_id').getAttribute('aria-invalid')).toBeNull();
  expect(screen.getByLabelText('power_pass (secret)').getAttribute('aria-invalid')).toBeNull();
});

test('an unknown power type is the remote server\'s own (checked as text); a type with a leading "-" is refused beside it', async () => {
  render(PowerParamsEditor, { type: 'webhook', parameters: { power_on_uri: 'https://hooks.example/on' }, idPrefix: 'w-' });
  expect(screen.getByLabelText('power_on_uri').getAttribute('aria-invalid')).toBeNull();
  await fireEvent.input(screen.getByLabelText('power_on_uri'), { target: { value: '-x' } });
  expect(described(screen.getByLabelText('power_on_uri'))).toEqual(['power_on_uri must not begin with "-"']);
});

const recorded = (spec: ChangeSpec): RecordedChange => ({ id: 9, spec, hostname: 'r1-u1', statusAtRecord: 0, recordedAt: '', state: 'recorded', message: null, batch: null });

test('a recorded power change holds Save while a field is wrong, and saves what was typed once it is right', async () => {
  const onsave = vi.fn(async (_: ChangeSpec): Promise<string | null> => null);
  render(ChangeEditForm, { change: recorded({ kind: 'set-power', systemId: 'n1', powerType: 'ipmi', parameters: { power_address: '10.0.0.1', power_pass: MASK } }), onsave, oncancel: () => {} });
  const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
  const address = screen.getByLabelText('power_address');
  await fireEvent.input(address, { target: { value: '-10.0.0.2' } });
  expect(save.disabled).toBe(true);
  await fireEvent.submit(screen.getByRole('form', { name: 'Edit change 9' }));
  expect(onsave).not.toHaveBeenCalled();
  expect(described(address)).toEqual(['power_address must not begin with "-"']);
  await fireEvent.input(address, { target: { value: '10.0.0.2' } });
  expect(save.disabled).toBe(false);
  await fireEvent.submit(screen.getByRole('form', { name: 'Edit change 9' }));
  expect(onsave).toHaveBeenCalledWith({ kind: 'set-power', systemId: 'n1', powerType: 'ipmi', parameters: { power_address: '10.0.0.2', power_pass: MASK } });
});
