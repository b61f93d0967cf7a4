// Handlers for contract tests that need a dispatcher but no real use-cases: the app
// channels answer; every other channel fails as "not stubbed", so areas adding channels
// need not touch this file.
import type { Handlers } from '../../../src-main/ipc/dispatcher';
import { channels, ConsoleFailure } from '../../../src-shared/contract/index';

export const stubHandlers = (): Handlers => {
  const unstubbed = Object.fromEntries(Object.keys(channels).map((name) => [name, () => {
    throw new ConsoleFailure('unavailable', `${name} is not stubbed in this test`);
  }])) as unknown as Handlers;
  return {
    ...unstubbed,
    'app.info': () => ({ name: 'MAAS Console', version: 'test', host: 'web', platform: 'test' }),
    'app.ping': ({ text }) => ({ text, at: new Date(0).toISOString() }),
    'app.openExternal': () => ({ opened: false }),
    'events.query': () => ({ events: [], matched: 0, older: null }),
    'events.follow': () => ({ followId: 'f1' }),
    'events.unfollow': () => ({ stopped: false }),
    'events.renew': () => ({ renewed: false }),
    'events.export': () => ({ filename: 'e.csv', mediaType: 'text/csv', content: '', count: 0, truncated: false }),
    'events.zones': () => [],
  };
};
