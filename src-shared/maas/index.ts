// MAAS domain facts shared by the region (server) and the UI. Pure TypeScript.
export * from './node-status';
export * from './transitions';
export * from './api1-status';
export * from './tag-name';
export * from './mac';
export * from './api1-json';
export * from './action-status';
export * from './machine-actions';
