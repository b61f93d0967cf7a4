// Binds the contract to Electron IPC: one invoke channel and one event channel. Every
// request is checked to come from our own window's main frame before it is dispatched.
import { ipcMain, type BrowserWindow } from 'electron';
import { fail } from '../../src-shared/contract/index';
import type { Dispatch, EventHub } from './dispatcher';
import { isOurMainFrame } from './sender-check';

export const INVOKE = 'maas-console:invoke';
export const EVENT = 'maas-console:event';

export function bindContract(win: BrowserWindow, appUrl: string, dispatch: Dispatch, hub: EventHub): () => void {
  ipcMain.handle(INVOKE, async (e, channel: unknown, payload: unknown) => {
    if (!isOurMainFrame(e.sender, e.senderFrame, win.webContents.id, appUrl)) return fail('invalid-request', 'Refused: request from an unknown frame.');
    return dispatch(channel, payload);
  });
  const unsubscribe = hub.subscribe((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT, event, payload);
  });
  return () => { ipcMain.removeHandler(INVOKE); unsubscribe(); };
}
