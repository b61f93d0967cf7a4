import { render } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import type { PushItemOutcome } from '../../../src-shared/contract/fieldkit';
import PushDiff from '../../../src-renderer/src/views/fieldkit/PushDiff.svelte';

test('the diff shows a changed BMC address with its values and a changed password only by name', () => {
  const item: PushItemOutcome = {
    sourceId: 's1', hostname: 'r1-u1', macs: ['52:54:00:cc:00:01'], verdict: 'update', targetId: 't1', reason: null, state: 'pending', message: null,
    fields: [{ field: 'power_address', from: '10.0.0.1', to: '10.9.9.1', power: true }, { field: 'power_pass', from: '', to: 'changed', power: true, secret: true }],
  };
  const { container } = render(PushDiff, { items: [item] });
  expect(container.textContent).toContain('would update power_address: 10.0.0.1 → 10.9.9.1, power_pass: changed');
});
