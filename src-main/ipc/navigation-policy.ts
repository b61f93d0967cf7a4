// What the window may load: only the app itself. Anything else is refused; http(s) links
// are handed to the system browser instead. Pure logic, tested without Electron.
export type NavigationVerdict = 'allow' | 'open-external' | 'deny';

export function judgeNavigation(target: string, appUrl: string): NavigationVerdict {
  let t: URL, app: URL;
  try { t = new URL(target); app = new URL(appUrl); } catch { return 'deny'; }
  if (t.protocol === 'file:' && app.protocol === 'file:') return t.pathname === app.pathname ? 'allow' : 'deny';
  if (t.origin === app.origin && app.protocol !== 'file:') return 'allow';
  if (t.protocol === 'https:' || t.protocol === 'http:') return 'open-external';
  return 'deny';
}
