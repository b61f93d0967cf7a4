// The renderer never talks to Electron directly: in the desktop app the preload exposes
// `window.maasConsole`; in a browser (npm run web) the same contract runs over a WebSocket.
import type { Transport } from '../../../src-shared/contract/client';
import { createWsTransport } from './ws-transport';

declare global {
  interface Window { maasConsole?: Transport }
}

export function pickTransport(): Transport {
  if (window.maasConsole) return window.maasConsole;
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWsTransport(`${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`);
}
