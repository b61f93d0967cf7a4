// Where a status stands, for its colour mark: failures and Broken negative, work in progress
// caution, New information, the rest settled.
import { NodeStatus as S } from '../../../../src-shared/maas/index';

export type StatusTone = 'negative' | 'caution' | 'information' | 'neutral';
const failed = new Set<number>([S.FAILED_COMMISSIONING, S.FAILED_DEPLOYMENT, S.FAILED_RELEASING, S.FAILED_DISK_ERASING, S.BROKEN, S.MISSING, S.FAILED_TESTING]);
const busy = new Set<number>([S.COMMISSIONING, S.DEPLOYING, S.RELEASING, S.DISK_ERASING, S.TESTING]);

export const statusTone = (status: number): StatusTone =>
  failed.has(status) ? 'negative' : busy.has(status) ? 'caution' : status === S.NEW ? 'information' : 'neutral';

/** A script result's status (MAAS's SCRIPT_STATUS): failed, timed out, aborted negative; pending, running, degraded caution. */
const scriptFailed = new Set([3, 4, 5, 8, 11]);
const scriptBusy = new Set([0, 1, 6, 7, 10]);
export const scriptTone = (status: number | null): StatusTone =>
  status === null ? 'information' : scriptFailed.has(status) ? 'negative' : scriptBusy.has(status) ? 'caution' : status === 9 ? 'information' : 'neutral';
