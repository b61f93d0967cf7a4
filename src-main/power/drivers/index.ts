// Power type → driver. Types listed in power-types.ts with `supported: false` have none.
import type { PowerDriver } from '../driver';
import { ipmiDriver } from './ipmi';
import { manualDriver } from './manual';
import { moonshotDriver } from './moonshot';

export const defaultDrivers: Record<string, PowerDriver> = {
  ipmi: ipmiDriver,
  manual: manualDriver,
  moonshot: moonshotDriver,
};
