import type { CSSOptions } from 'vite';

// Sass settings shared by the Electron and browser builds of the renderer. Vanilla still
// uses @import; its deprecation warnings are silenced here, not in our own code.
export const rendererCss: CSSOptions = {
  preprocessorOptions: {
    scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'if-function'] },
  },
};
