import pkg from '../../package.json' with { type: 'json' };

export const consoleVersion: string = pkg.version;
