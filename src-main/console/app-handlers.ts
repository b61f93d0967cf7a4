// Use-cases of the app itself: what it is, and opening links in the system browser.
import type { HandlersFor } from '../ipc/dispatcher';

export interface AppDeps {
  host: 'electron' | 'web';
  version: string;
  /** Opens an http(s) URL in the system browser; false where there is none (web host). */
  openExternal: (url: string) => Promise<boolean>;
}

export const appHandlers = (d: AppDeps): HandlersFor<'app.info' | 'app.ping' | 'app.openExternal'> => ({
  'app.info': () => ({ name: 'MAAS Console', version: d.version, host: d.host, platform: process.platform }),
  'app.ping': ({ text }) => ({ text, at: new Date().toISOString() }),
  'app.openExternal': async ({ url }) => ({ opened: await d.openExternal(url) }),
});
