// Event types the region records, named and levelled after MAAS's EVENT_TYPES
// (src/maasserver/enum.py / provisioningserver/events.py). Levels are Python logging's.
export const LEVELS = { AUDIT: 0, DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 } as const;
export type LevelName = keyof typeof LEVELS;

export const levelName = (n: number): string =>
  (Object.entries(LEVELS).find(([, v]) => v === n)?.[0] ?? String(n));

export interface EventType {
  description: string;
  level: number;
}

export const EVENT_TYPES = {
  NODE_CHANGED_STATUS: { description: 'Node changed status', level: LEVELS.INFO },
  NODE_POWERED_ON: { description: 'Node powered on', level: LEVELS.INFO },
  NODE_POWERED_OFF: { description: 'Node powered off', level: LEVELS.INFO },
  NODE_POWER_ON_STARTING: { description: 'Powering node on', level: LEVELS.INFO },
  NODE_POWER_OFF_STARTING: { description: 'Powering node off', level: LEVELS.INFO },
  NODE_POWER_ON_FAILED: { description: 'Failed to power on node', level: LEVELS.ERROR },
  NODE_POWER_OFF_FAILED: { description: 'Failed to power off node', level: LEVELS.ERROR },
  NODE_POWER_QUERIED: { description: 'Queried node power state', level: LEVELS.DEBUG },
  NODE_POWER_QUERY_FAILED: { description: 'Failed to query node power state', level: LEVELS.WARNING },
  NODE_TAGGED: { description: 'Tag added to node', level: LEVELS.INFO },
  NODE_UNTAGGED: { description: 'Tag removed from node', level: LEVELS.INFO },
  NODE_DETAILS_UPLOADED: { description: 'Hardware details uploaded', level: LEVELS.INFO },
} as const satisfies Record<string, EventType>;

export type EventTypeName = keyof typeof EVENT_TYPES;
