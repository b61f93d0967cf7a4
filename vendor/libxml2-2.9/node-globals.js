// Emscripten 3.1.6 writes its Node support for CommonJS; as an ES module the file needs
// these two names. With the module inside the file (SINGLE_FILE) neither reads anything.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
const require = createRequire(import.meta.url);
const __dirname = dirname(fileURLToPath(import.meta.url));
