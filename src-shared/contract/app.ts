import { z } from 'zod';
import { channel, event, returns } from './channel';

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'web' when served by the browser host. */
  host: 'electron' | 'web';
  platform: string;
}

export const appChannels = {
  'app.info': channel(z.object({}).strict(), returns<AppInfo>()),
  /** Echo, used by the contract tests over every transport. */
  'app.ping': channel(z.object({ text: z.string().max(1000) }).strict(), returns<{ text: string; at: string }>()),
  'app.openExternal': channel(z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(), returns<{ opened: boolean }>()),
} as const;

export const appEvents = {
  /** A line for the status bar (region started, sync finished…). */
  'app.status': event<{ level: 'info' | 'warning' | 'error'; text: string }>(),
  /** The OS handed the app a maas-console:// link (checked in main); the path after the scheme. */
  'app.openLink': event<{ path: string }>(),
} as const;
