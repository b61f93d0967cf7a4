// A connection's health from the outcome of a check: online, offline (no answer, or an
// answer that is not MAAS), key rejected (401/403), or a TLS problem.
import { ConsoleFailure } from '../../src-shared/contract/errors';
import type { ConnectionHealth } from '../../src-shared/contract/connections';

export interface HealthVerdict { health: ConnectionHealth; message: string | null }

export function verdictOf(e: unknown): HealthVerdict {
  if (!(e instanceof ConsoleFailure)) return { health: 'offline', message: e instanceof Error ? e.message : String(e) };
  switch (e.code) {
    case 'key-rejected': return { health: 'key-rejected', message: e.message };
    case 'tls': return { health: 'tls', message: e.message };
    case 'keychain': return { health: 'unknown', message: e.message };
    default: return { health: 'offline', message: e.message };
  }
}
