// The Connections channels. Keys arrive in add/test/update requests and go no further than
// the connection service (keychain, client signer); no answer carries one.
import type { HandlersFor } from '../ipc/dispatcher';
import { importCliProfiles, listCliProfiles } from '../connections/cli-import';
import type { ConnectionService } from '../connections/connection-service';
import { probeCertificate } from '../maas-client/certificate-probe';
import { mapped } from './maas-failure';

export interface ConnectionHandlerDeps {
  service: ConnectionService;
  cliProfileFiles: string[];
}

type ConnectionChannel =
  | 'connections.list' | 'connections.test' | 'connections.inspectCertificate' | 'connections.add'
  | 'connections.update' | 'connections.remove' | 'connections.switch' | 'connections.health'
  | 'connections.cliProfiles' | 'connections.importCli';

export const connectionHandlers = ({ service, cliProfileFiles }: ConnectionHandlerDeps): HandlersFor<ConnectionChannel> => ({
  'connections.list': () => service.list(),
  'connections.test': (r) => service.test(r),
  'connections.inspectCertificate': async ({ url }) => {
    const { anchorPem: _anchor, ...shown } = await mapped(() => probeCertificate(url));
    return shown;
  },
  'connections.add': (r) => service.add(r),
  'connections.update': (r) => service.update(r),
  'connections.remove': ({ id }) => service.remove(id),
  'connections.switch': ({ id }) => service.switch(id),
  'connections.health': ({ id }) => service.health(id),
  'connections.cliProfiles': () => listCliProfiles(service, cliProfileFiles),
  'connections.importCli': (r) => importCliProfiles(service, cliProfileFiles, r),
});
