// A second region process on an existing data directory (key file storage), for tests that
// need two processes on one database. Prints "URL KEY" on one line, serves until killed.
import { startRegion } from '../../../src-main/region/start-region';

const region = await startRegion({ dataDir: process.argv[2], keyStorage: 'file', log: () => undefined });
process.stdout.write(`${region.url} ${region.createApiKey()}\n`);
process.on('SIGTERM', () => void region.close().then(() => process.exit(0)));
