// The power-driver service of the embedded region. Pure Node.
export { powerTypes, powerTypeInfo, secretFieldNames, type PowerField, type PowerTypeInfo } from './power-types';
export { createPowerService, maasWaitingPolicyMs, type PowerServiceOptions } from './service';
export type { PowerDriver, DriverContext, DriverConfig } from './driver';
export type { SpawnObserver } from './run-tool';
export {
  PowerError,
  type PowerAction,
  type PowerErrorKind,
  type PowerOutcome,
  type PowerResult,
  type PowerResultMeta,
  type PowerService,
  type PowerState,
  type PowerTarget,
  type OnPowerResult,
} from './types';
