// Which IPC senders main answers: our own window's main frame, showing the app. A frame
// inside the page (an iframe, even one showing an app URL), another window or webContents,
// a frame already gone, or a main frame navigated elsewhere is refused. Structural types
// stand for Electron's WebContents and WebFrameMain, so this is tested without Electron.
import { judgeNavigation } from './navigation-policy';

export interface FrameLike {
  url: string;
  processId: number;
  routingId: number;
}

export interface SenderLike {
  id: number;
  mainFrame: FrameLike;
}

export function isOurMainFrame(sender: SenderLike, frame: FrameLike | null | undefined, ourWebContentsId: number, appUrl: string): boolean {
  if (sender.id !== ourWebContentsId || !frame) return false;
  const main = sender.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return judgeNavigation(frame.url, appUrl) === 'allow';
}
