// `manual`: the node's power is switched by hand; there is nothing to drive or to read.
import type { PowerDriver } from '../driver';
import { PowerError } from '../types';

const none = (): never => {
  throw new PowerError('unsupported', 'power type manual has no power control: switch the node on or off by hand');
};

export const manualDriver: PowerDriver = {
  bmcKey: () => 'manual',
  query: async () => none(),
  on: async () => none(),
  off: async () => none(),
};
