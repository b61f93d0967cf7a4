// npm run region -- serve --data DIR --port N [--host H [--server-name NAME]…]   serves the API, prints its URL
// npm run --silent region -- apikey --data DIR              prints a new admin API key only
import { parseArgs } from 'node:util';
import { createApiKey, openRegion, startRegion } from './start-region';
import { createRegionPower } from '../power/region-power';

const USAGE = `usage: region serve --data DIR [--port N] [--host 127.0.0.1] [--server-name NAME]... [--key-file]
       region apikey --data DIR [--user NAME] [--key-file]`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
      // Names clients on the LAN use for this machine (with --host): the Host headers served.
      'server-name': { type: 'string', multiple: true },
      user: { type: 'string' }, 'key-file': { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (values.help || !command || !values.data) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const keyStorage = values['key-file'] ? 'file' : undefined;
  if (command === 'apikey') {
    const r = await openRegion({ dataDir: values.data, keyStorage });
    try {
      process.stdout.write(`${createApiKey(r.core, values.user ?? 'admin')}\n`);
    } finally {
      r.close();
    }
    return 0;
  }
  if (command === 'serve') {
    const port = values.port === undefined ? 5240 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      process.stderr.write(`--port: "${values.port}" is not a port number.\n`);
      return 2;
    }
    const region = await startRegion({ dataDir: values.data, port, host: values.host, serverNames: values['server-name']?.flatMap((n) => n.split(',')).filter(Boolean), keyStorage, power: createRegionPower() });
    process.stdout.write(`${region.url}\n`);
    const stop = () => void region.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1; // keep running
  }
  process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`region: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
