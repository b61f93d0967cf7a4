// Handlers for contract tests that need a dispatcher but no real use-cases.
import type { Handlers } from '../../../src-main/ipc/dispatcher';

export const stubHandlers = (): Handlers => ({
  'app.info': () => ({ name: 'MAAS Console', version: 'test', host: 'web', platform: 'test' }),
  'app.ping': ({ text }) => ({ text, at: new Date(0).toISOString() }),
  'app.openExternal': () => ({ opened: false }),
  'events.query': () => ({ events: [], matched: 0, older: null }),
  'events.follow': () => ({ followId: 'f1' }),
  'events.unfollow': () => ({ stopped: false }),
  'events.export': () => ({ filename: 'e.csv', mediaType: 'text/csv', content: '', count: 0, truncated: false }),
  'events.zones': () => [],
});
