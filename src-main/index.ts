// Electron bootstrap only: one locked-down window, the contract bound to IPC, lifecycle.
// Everything the window asks for is answered by the same composed console the web host uses.
import { join } from 'node:path';
import { app, BrowserWindow, Menu, screen, shell } from 'electron';
import { composeConsole, type ComposedConsole } from './console/compose';
import { consoleVersion } from './console/version';
import { createDispatcher, EventHub } from './ipc/dispatcher';
import { bindContract } from './ipc/electron-bridge';
import { judgeNavigation } from './ipc/navigation-policy';
import { applicationMenu } from './ipc/electron-menu';
import { utilityRegionSpawner } from './ipc/electron-region';
import { linkFromArgv, linkFromUrl } from './ipc/link-intake';
import { LINK_SCHEME } from '../src-shared/fleet/links';
import { loadBounds, saveBounds } from './window-state';

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;
let composed: ComposedConsole | null = null;
const hub = new EventHub();
// maas-console:// links open in this app (electron-builder registers the scheme when packaged).
app.setAsDefaultProtocolClient(LINK_SCHEME);
/** A link that arrived before the window could take it; delivered once it has loaded. */
let waitingLink: string | null = linkFromArgv(process.argv);
let windowLoaded = false;
const deliverLink = (path: string | null) => {
  if (!path) return;
  if (windowLoaded) hub.emit('app.openLink', { path });
  else waitingLink = path;
};

const openExternal = async (url: string) => {
  if (!/^https?:\/\//.test(url)) return false;
  await shell.openExternal(url);
  return true;
};

async function createWindow() {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const bounds = loadBounds(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  win = new BrowserWindow({
    ...bounds,
    minWidth: 800, minHeight: 500, show: false, title: 'MAAS Console', backgroundColor: '#1f1f1f',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true,
      webviewTag: false, spellcheck: false,
    },
  });
  if (bounds.maximized) win.maximize();
  const appUrl = process.env.ELECTRON_RENDERER_URL ?? `file://${join(import.meta.dirname, '../renderer/index.html')}`;

  // Only the app itself may be shown; links to the web go to the system browser.
  win.webContents.on('will-navigate', (e, url) => {
    const verdict = judgeNavigation(url, appUrl);
    if (verdict !== 'allow') e.preventDefault();
    if (verdict === 'open-external') void openExternal(url);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (judgeNavigation(url, appUrl) !== 'deny') void openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.session.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));

  const unbind = bindContract(win, appUrl, createDispatcher(composed!.handlers, (l) => console.error(l)), hub);
  const remember = () => {
    if (!win || win.isDestroyed()) return;
    saveBounds(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);
  win.on('closed', () => { unbind(); win = null; windowLoaded = false; });
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(appUrl);
  windowLoaded = true;
  deliverLink(waitingLink);
  waitingLink = null;
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('second-instance', (_e, argv) => {
  if (win) { if (win.isMinimized()) win.restore(); win.focus(); }
  deliverLink(linkFromArgv(argv));
});
app.on('open-url', (e, url) => { e.preventDefault(); deliverLink(linkFromUrl(url)); });
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => { void composed?.close(); });

app.whenReady().then(async () => {
  Menu.setApplicationMenu(applicationMenu(!app.isPackaged));
  composed = await composeConsole({
    host: 'electron', version: consoleVersion, dataDir: app.getPath('userData'),
    emit: hub.emit.bind(hub), openExternal, spawnRegion: utilityRegionSpawner(import.meta.dirname),
  });
  await createWindow();
});
