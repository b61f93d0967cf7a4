// The contract over one WebSocket: `{id, channel, payload}` out, `{id, reply}` and
// `{event, payload}` in. Requests made while (re)connecting wait; a dropped connection
// answers every pending request with a typed error rather than leaving it hanging.
import type { Transport } from '../../../src-shared/contract/client';
import type { Reply } from '../../../src-shared/contract/errors';

export interface WsTransport extends Transport {
  readonly state: () => 'connecting' | 'open' | 'closed';
}

export function createWsTransport(url: string, WS: typeof WebSocket = WebSocket): WsTransport {
  let ws: WebSocket | null = null;
  let nextId = 1;
  let backoff = 250;
  const pending = new Map<number, (r: Reply<unknown>) => void>();
  const queue: string[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();

  const lost = (message: string): Reply<never> => ({ ok: false, error: { code: 'unavailable', message } });

  function connect() {
    ws = new WS(url);
    ws.onopen = () => {
      backoff = 250;
      for (const m of queue.splice(0)) ws!.send(m);
    };
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data));
      if (typeof msg.id === 'number') {
        pending.get(msg.id)?.(msg.reply);
        pending.delete(msg.id);
      } else if (typeof msg.event === 'string') {
        for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
      }
    };
    ws.onclose = () => {
      for (const [id, resolve] of pending) {
        resolve(lost('Lost the connection to the console host; the request may not have completed.'));
        pending.delete(id);
      }
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 5000);
    };
  }
  connect();

  return {
    state: () => (ws?.readyState === WS.OPEN ? 'open' : ws?.readyState === WS.CONNECTING ? 'connecting' : 'closed'),
    invoke(channel, payload) {
      const id = nextId++;
      const text = JSON.stringify({ id, channel, payload });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (ws?.readyState === WS.OPEN) ws.send(text);
        else queue.push(text);
      });
    },
    listen(event, handler) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(handler));
      return () => set.delete(handler);
    },
  };
}
