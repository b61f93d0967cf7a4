// The console's views, in the order the side navigation and Alt+1… list them. Shared because
// links name them (src-shared/fleet/links.ts) as well as the renderer's shell.
export const viewIds = ['inventory', 'tags', 'events', 'connections', 'capture', 'fleet'] as const;
export type ViewId = (typeof viewIds)[number];
