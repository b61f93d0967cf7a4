// A MAAS API key is `consumer_key:token_key:token_secret` (shared/spec/api-authentication.md).
// The consumer secret is always empty in MAAS. Parsing never echoes the key back in an error.
import { InvalidApiKeyError } from './errors';

export interface ApiCredentials {
  consumerKey: string;
  tokenKey: string;
  tokenSecret: string;
}

const PART = /^[A-Za-z0-9._~-]{1,200}$/;

export function parseApiKey(key: string): ApiCredentials {
  const parts = key.trim().split(':');
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) {
    throw new InvalidApiKeyError(
      'That is not a MAAS API key: it must have three parts, consumer_key:token_key:token_secret ' +
      '(copy it from the MAAS web UI, Preferences › API keys, or `maas apikey --username=NAME`).');
  }
  const [consumerKey, tokenKey, tokenSecret] = parts;
  return { consumerKey, tokenKey, tokenSecret };
}

export const formatApiKey = (c: ApiCredentials): string => `${c.consumerKey}:${c.tokenKey}:${c.tokenSecret}`;
