// Serves the built renderer (out/web) read-only: no directory listing, no path escapes.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};

export interface StaticFile { body: Buffer; type: string }

export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let rel: string;
  try { rel = decodeURIComponent(urlPath.split('?')[0]); } catch { return null; }
  if (rel === '/' || rel === '') rel = '/index.html';
  const full = normalize(join(root, rel));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    return { body: await readFile(full), type: types[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
