// Transport-neutral dispatch: every request from a renderer (Electron IPC or the web host's
// WebSocket) passes here. Unknown channels and payloads that fail the channel's schema are
// answered with typed errors before any use-case sees them. Pure Node: no Electron import.
import {
  ConsoleFailure, channels, fail, isChannelName, ok,
  type ChannelName, type EventName, type ParsedReq, type Payload, type Reply, type Res,
} from '../../src-shared/contract/index';
import { toConsoleFailure } from '../console/maas-failure';

export type Handler<K extends ChannelName> = (request: ParsedReq<K>) => Promise<Res<K>> | Res<K>;
/** A handler per channel; a missing or mistyped one does not compile. */
export type Handlers = { [K in ChannelName]: Handler<K> };
export type HandlersFor<K extends ChannelName> = { [P in K]: Handler<P> };

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Reply<unknown>>;

export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (name, payload) => {
    if (!isChannelName(name)) {
      return fail('unknown-channel', `The console has no channel named ${JSON.stringify(String(name)).slice(0, 80)}.`);
    }
    const parsed = channels[name].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(request)', message: i.message }));
      const first = issues[0];
      return fail('invalid-request', `Invalid request for ${name}: ${first.path}: ${first.message}`, issues);
    }
    try {
      const handler = handlers[name] as Handler<ChannelName>;
      return ok(await handler(parsed.data as never));
    } catch (thrown) {
      // A client failure that reached here unmapped is still the server's doing, not a bug.
      const e = toConsoleFailure(thrown);
      if (e instanceof ConsoleFailure) return fail(e.code, e.message, e.issues);
      // A bug, not a user error: keep the name of what failed, never a stack to the UI.
      const message = e instanceof Error ? e.message : String(e);
      log(`channel ${name} failed: ${message}`);
      return fail('internal', `${name} failed: ${message}`);
    }
  };
}

/** Push events to whoever is listening (Electron windows, WebSocket sessions). */
export class EventHub {
  #sinks = new Set<(event: EventName, payload: unknown) => void>();
  subscribe(sink: (event: EventName, payload: unknown) => void): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }
  emit<E extends EventName>(event: E, payload: Payload<E>): void {
    for (const sink of this.#sinks) sink(event, payload);
  }
}
export type Emit = EventHub['emit'];
