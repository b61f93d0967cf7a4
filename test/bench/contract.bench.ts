// Dispatch overhead of the IPC contract: validation + handler + reply, in-process.
import { createDispatcher } from '../../src-main/ipc/dispatcher';
import { stubHandlers } from '../unit/contract/stub-handlers';
import type { Bench } from './types';

export const contractBench: Bench = {
  id: 'contract',
  async run() {
    const dispatch = createDispatcher(stubHandlers());
    const n = 100_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await dispatch('app.ping', { text: 'x' });
    const perCall = ((performance.now() - t0) * 1000) / n;
    return [{ name: 'IPC dispatch (validate + handle), in-process', value: perCall, unit: 'µs/call' }];
  },
};
