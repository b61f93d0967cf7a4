// The only thing the renderer gets from Electron: a transport for the typed contract.
// Kept dependency-free because a sandboxed preload cannot load node_modules; main
// validates every channel and payload.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const INVOKE = 'maas-console:invoke';
const EVENT = 'maas-console:event';

contextBridge.exposeInMainWorld('maasConsole', {
  invoke: (channel: string, payload: unknown) =>
    typeof channel === 'string' ? ipcRenderer.invoke(INVOKE, channel, payload) : Promise.reject(new TypeError('channel')),
  listen: (event: string, handler: (payload: unknown) => void) => {
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => { if (name === event) handler(payload); };
    ipcRenderer.on(EVENT, listener);
    return () => { ipcRenderer.removeListener(EVENT, listener); };
  },
});
