// Run as a child process: composes the console with the real OS keychain and adds one
// connection, printing the reply. Used to see what happens where there is no keychain, in
// the desktop app (`electron`: refused) and the browser host (`web`: held for the session).
import { composeConsole } from '../../src-main/console/compose';
import { createDispatcher } from '../../src-main/ipc/dispatcher';

const [dataDir, url, apiKey, host] = process.argv.slice(2);
const composed = await composeConsole({ host: host === 'electron' ? 'electron' : 'web', version: 'test', dataDir, emit: () => {}, openExternal: async () => false, cliProfileFiles: [] });
const reply = await createDispatcher(composed.handlers)('connections.add', { name: 'Lab', url, apiKey });
const list = await createDispatcher(composed.handlers)('connections.list', {});
await composed.close();
process.stdout.write(JSON.stringify({ reply, list }));
