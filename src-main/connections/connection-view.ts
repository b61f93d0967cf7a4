// A stored profile as the renderer sees it: no key, no anchor certificate, and whether it is
// the active connection.
import type { ConnectionView } from '../../src-shared/contract/connections';
import { EMBEDDED_ID } from './embedded-profile';
import type { Profile } from './profile-store';

export function toView(p: Profile, active: string | null, keySessionOnly: boolean): ConnectionView {
  const v: ConnectionView = {
    id: p.id, name: p.name, url: p.url, kind: p.kind, apiVersion: p.apiVersion, maasVersion: p.maasVersion,
    tls: { caFile: p.tlsCaFile, pinnedFingerprint: p.tlsPinnedFingerprint },
    health: p.health, healthMessage: p.healthMessage, lastReached: p.lastReached, lastChecked: p.lastChecked,
    active: p.id === (active ?? EMBEDDED_ID),
  };
  return keySessionOnly ? { ...v, keySessionOnly: true } : v;
}
