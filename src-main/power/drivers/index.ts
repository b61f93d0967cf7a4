// Power type → driver. Types listed in power-types.ts with `supported: false` have none.
import type { PowerDriver } from '../driver';
import { manualDriver } from './manual';

export const defaultDrivers: Record<string, PowerDriver> = {
  manual: manualDriver,
};
