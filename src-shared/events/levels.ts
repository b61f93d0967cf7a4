// MAAS event levels are Python logging's (src/maasserver/models/eventtype.py): `level=` in
// `events op=query` is a minimum, default INFO. AUDIT (0, MAAS 2.x+) is below DEBUG, so a
// minimum of DEBUG never includes it; it is matched exactly when asked for
// (shared/reference/maas-behaviour.md, Events).
export const LEVEL_NAMES = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL', 'AUDIT'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

/** The minimums a technician picks from, lowest first, as MAAS lists them. */
export const MIN_LEVELS: readonly LevelName[] = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];

const RANK: Record<LevelName, number> = { AUDIT: 0, DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 };

/** Python logging's number for a level name; an unknown name ranks as INFO, as MAAS's default. */
export const levelRank = (level: string): number => RANK[level.toUpperCase() as LevelName] ?? RANK.INFO;

export const isLevelName = (s: string): s is LevelName => (LEVEL_NAMES as readonly string[]).includes(s);

/** Whether an event of `level` passes a minimum of `min`, as the server decides it. */
export function meetsLevel(level: string, min: LevelName): boolean {
  if (min === 'AUDIT') return level.toUpperCase() === 'AUDIT';
  return levelRank(level) >= RANK[min] && level.toUpperCase() !== 'AUDIT';
}
