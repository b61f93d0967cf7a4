// The IPC sender check with fake senders (Electron itself cannot run here).
import { expect, test } from 'vitest';
import { isOurMainFrame, type FrameLike, type SenderLike } from '../../../src-main/ipc/sender-check';

const app = 'file:///opt/maas-console/resources/app.asar/out/renderer/index.html';
const main: FrameLike = { url: `${app}#/inventory`, processId: 4, routingId: 1 };
const ours: SenderLike = { id: 7, mainFrame: main };

test('our window\'s main frame showing the app is answered', () => {
  expect(isOurMainFrame(ours, main, 7, app)).toBe(true);
  // Electron may hand out another object for the same frame: identity is by process and routing id.
  expect(isOurMainFrame(ours, { ...main }, 7, app)).toBe(true);
});

test('an iframe is refused even when it shows an app URL', () => {
  expect(isOurMainFrame(ours, { url: app, processId: 4, routingId: 2 }, 7, app)).toBe(false);
  expect(isOurMainFrame(ours, { url: app, processId: 5, routingId: 1 }, 7, app)).toBe(false);
});

test('another webContents, a frame already gone, or a main frame navigated elsewhere is refused', () => {
  expect(isOurMainFrame({ id: 8, mainFrame: main }, main, 7, app)).toBe(false);
  expect(isOurMainFrame(ours, null, 7, app)).toBe(false);
  expect(isOurMainFrame(ours, undefined, 7, app)).toBe(false);
  const away = { ...main, url: 'https://evil.example/' };
  expect(isOurMainFrame({ id: 7, mainFrame: away }, away, 7, app)).toBe(false);
  const file = { ...main, url: 'file:///etc/passwd' };
  expect(isOurMainFrame({ id: 7, mainFrame: file }, file, 7, app)).toBe(false);
});
