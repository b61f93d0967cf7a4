// The console's one way to a MAAS server (ARCHITECTURE.md): discover, then a MaasClient.
export { parseApiKey, formatApiKey, type ApiCredentials } from './api-key';
export { createMaasClient, type MaasClient, type ClientOptions, type NodeFilter, type TagChanges, type NewNode } from './client';
export { discoverApi, parseMaasUrl, apiRootOf, type Discovered, type DiscoverOptions } from './discover';
export {
  MaasClientError, InvalidMaasUrlError, InvalidApiKeyError, NoMaasApiError, MaasTlsError, MaasUnreachableError,
  MaasDeadlineError, MaasStatusError, MaasAnswerTooLargeError, MaasMalformedAnswerError, statusOf, type MaasErrorCode,
} from './errors';
export { normaliseFingerprint, type TlsTrust } from './tls-trust';
export type { CallOutcome } from './transport';
