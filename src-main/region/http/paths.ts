// Where the API lives: MAAS served API 1.0 under /MAAS/api/1.0/.
export const API_PREFIX = '/MAAS/api/1.0/';
