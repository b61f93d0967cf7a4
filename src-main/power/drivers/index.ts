// Power type → driver. Types listed in power-types.ts with `supported: false` have none.
import type { PowerDriver } from '../driver';
import { amtDriver } from './amt';
import { apcDriver } from './apc';
import { dliDriver } from './dli';
import { etherWakeDriver } from './ether-wake';
import { fenceCduDriver } from './fence-cdu';
import { ipmiDriver } from './ipmi';
import { manualDriver } from './manual';
import { moonshotDriver } from './moonshot';
import { msftocsDriver } from './msftocs';
import { mscmDriver } from './mscm';
import { redfishDriver } from './redfish';
import { sm15kDriver } from './sm15k';
import { ucsmDriver } from './ucsm';
import { vmwareDriver } from './vmware';
import { virshDriver } from './virsh';

export const defaultDrivers: Record<string, PowerDriver> = {
  amt: amtDriver,
  apc: apcDriver,
  dli: dliDriver,
  ether_wake: etherWakeDriver,
  fence_cdu: fenceCduDriver,
  ipmi: ipmiDriver,
  manual: manualDriver,
  moonshot: moonshotDriver,
  msftocs: msftocsDriver,
  mscm: mscmDriver,
  redfish: redfishDriver,
  sm15k: sm15kDriver,
  ucsm: ucsmDriver,
  virsh: virshDriver,
  vmware: vmwareDriver,
};
