#!/usr/bin/env node
// `npm start`: the desktop app in development (electron-vite dev). Where Electron's binary
// is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, a server, CI) it says what to run
// instead rather than failing with Electron's own stack trace. `--check` only checks.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron binary's path, or null when it is not installed. */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error([
    "Electron's binary is not installed here, so the desktop app cannot start.",
    'Run the console in a browser instead:  npm run web',
    '(or install Electron: npm install without ELECTRON_SKIP_BINARY_DOWNLOAD, on a machine with a display).',
  ].join('\n'));
  process.exit(1);
}
// `--check`: only say whether the desktop app could start (for the tests).
if (process.argv.includes('--check')) { console.log('Electron is installed.'); process.exit(0); }
const child = spawn('npx', ['electron-vite', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
