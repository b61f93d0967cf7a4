import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Two projects: Node-side code under plain Node resolution, and Svelte components in jsdom
// (svelteTesting switches resolution to browser builds, which would break `ws` and friends).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        // `extends: true`: projects inherit the timeouts above (they do not by default).
        extends: true,
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/interop/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          environment: 'node',
        },
      },
      {
        // Cleanup is registered by name rather than by the plugin's absolute path, so a worktree
        // whose node_modules is a symlink resolves it too.
        extends: true,
        plugins: [svelte({ configFile: 'svelte.config.js' }), svelteTesting({ autoCleanup: false })],
        server: { fs: { strict: false } },
        test: {
          name: 'renderer', include: ['test/unit/renderer/**/*.test.ts'], environment: 'jsdom',
          setupFiles: ['@testing-library/svelte/vitest', './test/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
