// The headless commands: `npm run region -- serve` prints the API URL and serves it;
// `npm run --silent region -- apikey` prints only a key; with an OS keychain (test/with-keyring.sh)
// the secrets key lives there, service "maas-console-region", and no key file is written.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { fetch } from 'undici';
import { plaintextHeader, tempDir } from './helpers';

const run = promisify(execFile);
const KEY = /^[A-Za-z0-9]{18}:[A-Za-z0-9]{18}:[A-Za-z0-9]{32}$/;

test('apikey prints only a consumer:token:secret key; serve prints the URL and answers with it', async () => {
  const dir = tempDir();
  const { stdout } = await run('npm', ['run', '--silent', 'region', '--', 'apikey', '--data', dir], { timeout: 60_000 });
  const key = stdout.trim();
  expect(key).toMatch(KEY);
  expect(stdout).toBe(`${key}\n`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src-main/region/cli.ts', 'serve', '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) resolve(out.trim());
      });
      server.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/MAAS\/api\/1\.0\/$/);
    const r = await fetch(`${url}nodes/?op=list`, { headers: { authorization: plaintextHeader(key) } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual([]);
  } finally {
    server.kill('SIGTERM');
  }
}, 90_000);

test('with an OS keychain the key is stored there (Secret Service), not in a file', async () => {
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool']) {
    const found = await run('sh', ['-c', `command -v ${tool}`]).then(() => true, () => false);
    if (!found) throw new Error(`needs ${tool} (apt-get install dbus gnome-keyring libsecret-tools libsecret-1-dev)`);
  }
  const dir = tempDir();
  const script = `set -e
    npx tsx src-main/region/cli.ts apikey --data "$1" >/dev/null
    npx tsx src-main/region/cli.ts apikey --data "$1"
    id=$(node -e "const D=require('better-sqlite3');const d=new D(process.argv[1],{readonly:true});console.log(JSON.parse(d.prepare(\\"SELECT value FROM config WHERE name='region:id'\\").get().value))" "$1/region.db")
    secret-tool lookup service maas-console-region account "$id" | wc -c`;
  const { stdout, stderr } = await run('test/with-keyring.sh', ['sh', '-c', script, 'sh', dir], { timeout: 90_000 });
  const [key, keyLength] = stdout.trim().split('\n');
  expect(key, stderr).toMatch(KEY);
  expect(Number(keyLength)).toBeGreaterThanOrEqual(44); // base64 of 32 bytes
  expect(existsSync(join(dir, 'region.key'))).toBe(false);
  expect(stderr).not.toMatch(/no OS keychain/);
}, 120_000);
