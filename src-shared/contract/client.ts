// The renderer's one typed client, blind to transport (Electron IPC or the web host's
// WebSocket): `call` for request/response, `on` for push events.
import type { ChannelName, EventName, Payload, Reply, Req, Res } from './index';

export interface Transport {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
  /** Returns an unsubscribe function. */
  listen(event: string, handler: (payload: unknown) => void): () => void;
}

export interface ConsoleClient {
  call<K extends ChannelName>(channel: K, request: Req<K>): Promise<Reply<Res<K>>>;
  on<E extends EventName>(event: E, handler: (payload: Payload<E>) => void): () => void;
}

export const createClient = (transport: Transport): ConsoleClient => ({
  call: (channel, request) => transport.invoke(channel, request) as never,
  on: (event, handler) => transport.listen(event, handler as (p: unknown) => void),
});
