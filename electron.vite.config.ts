import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { rendererCss } from './renderer-css.config.ts';

// Three bundles: main (plus the region's own process), a CommonJS preload (a sandboxed
// preload cannot be ESM), and the renderer, which is the same app `npm run web` serves.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          // The embedded region's own process (utilityProcess in the app).
          region: resolve(__dirname, 'src-main/region/process-entry.ts'),
          // Worker threads of the tag matcher (src-main/worker-threads/spawn-worker.ts finds it here).
          'xpath-worker': resolve(__dirname, 'src-main/xpath/xpath-worker.ts'),
          // The thread that parses large MAAS answers (src-main/maas-client/answer-thread.ts).
          'maas-answer-worker': resolve(__dirname, 'src-main/maas-client/maas-answer-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    css: rendererCss,
    build: { rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } } },
    plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.js') })],
  },
});
