// Where the console keeps its settings database and caches when no host says otherwise
// (Electron passes app.getPath('userData')). XDG on Linux, the usual places elsewhere.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.MAAS_CONSOLE_DATA) return env.MAAS_CONSOLE_DATA;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'MAAS Console');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'MAAS Console');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'maas-console');
}
