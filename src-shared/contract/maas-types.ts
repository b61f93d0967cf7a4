// The MAAS shapes the contract's channels carry: they are the MAAS client's answers, defined
// once in src-shared/maas (the client does not know the IPC contract).
export type * from '../maas/maas-types';
