import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { rendererCss } from './renderer-css.config.ts';

// The renderer built for the browser host (`npm run web`, e2e tests): same code, relative base.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  css: rendererCss,
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true, chunkSizeWarningLimit: 2000,
    // No bundler timing report on every build: `npm run web` prints only what needs reading.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
});
