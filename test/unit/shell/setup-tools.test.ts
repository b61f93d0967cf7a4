// Set-up without surprises: `npm test` names missing Debian packages with the one command
// that installs them (checked with the real dpkg), `npm start` without Electron's binary says
// to run `npm run web` (no stack trace), and `npm run web` rebuilds only when sources changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
// @ts-expect-error a plain .mjs tool without type declarations
import { sourcesStamp } from '../../../tools/build-web.mjs';

const root = resolve(import.meta.dirname, '../../..');
const node = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

test('missing system packages are named first, with the one apt-get command that installs them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apt-list-'));
  try {
    const list = join(dir, 'apt.txt');
    // dash is Essential on Debian: always installed.
    writeFileSync(list, '# comment\ndash\nmaas-console-no-such-package\n\n');
    const r = node(['tools/system-packages.mjs'], { MAAS_CONSOLE_APT_LIST: list });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not installed: maas-console-no-such-package');
    expect(r.stderr).toContain('sudo apt-get install -y --no-install-recommends maas-console-no-such-package');
    expect(r.stderr).not.toMatch(/\bdash\b/);
    writeFileSync(list, 'dash\n');
    expect(node(['tools/system-packages.mjs'], { MAAS_CONSOLE_APT_LIST: list }).status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm start says to run `npm run web` where Electron is not installed, without a stack trace', () => {
  let installed: boolean;
  try { installed = existsSync(createRequire(import.meta.url)('electron') as string); } catch { installed = false; }
  const r = node(['tools/start.mjs', '--check']);
  if (installed) {
    expect(r.status).toBe(0);
  } else {
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run web');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }
});

test('the renderer build stamp moves when a source file is added, so `npm run web` rebuilds only then', () => {
  const before = sourcesStamp() as string;
  expect(before).toMatch(/^\d+:\d+$/);
  expect(sourcesStamp()).toBe(before);
  const extra = join(root, 'src-shared', `.stamp-probe-${process.pid}`);
  writeFileSync(extra, 'x');
  try {
    expect(sourcesStamp()).not.toBe(before);
  } finally {
    rmSync(extra);
  }
  expect(sourcesStamp()).toBe(before);
});
