// OAuth 1.0a, 0-legged, as MAAS checked it (api-authentication.md): the consumer secret
// is empty, the token secret is the third part of the API key. PLAINTEXT signatures are
// "&" + token secret; HMAC-SHA1 signatures cover the method, URL and parameters (RFC 5849
// §3.4). Parameters may come in the Authorization header, the query or a urlencoded body
// (Piston read all three). Secrets are compared in constant time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '../http/errors';

export interface OAuthParams {
  consumerKey: string;
  tokenKey: string;
  signatureMethod: string;
  signature: string;
  timestamp?: string;
  nonce?: string;
  /** Every oauth_* parameter as received (for the HMAC base string). */
  all: [string, string][];
  /** Where they came from: the header ones are not repeated in the query/body list. */
  fromHeader: boolean;
}

/** RFC 3986 percent-encoding as OAuth requires (unreserved: A-Z a-z 0-9 - . _ ~). */
export const oauthEncode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    throw unauthorized('Malformed OAuth Authorization header: bad percent-encoding.');
  }
};

/** The oauth_* parameters of a request, or null when it carries none (anonymous). */
export function extractOAuth(authorization: string | undefined, others: [string, string][]): OAuthParams | null {
  let all: [string, string][] = [];
  let fromHeader = false;
  if (authorization !== undefined && authorization !== '') {
    const m = /^\s*OAuth\s+(.*)$/is.exec(authorization);
    if (!m) throw unauthorized('Unsupported Authorization header: the MAAS API expects "OAuth …" (0-legged OAuth 1.0a).');
    for (const part of m[1].split(',')) {
      const kv = /^\s*([A-Za-z0-9_]+)\s*=\s*"([^"]*)"\s*$/.exec(part);
      if (!kv) {
        if (part.trim() === '') continue;
        throw unauthorized('Malformed OAuth Authorization header.');
      }
      const key = safeDecode(kv[1]);
      if (key !== 'realm') all.push([key, safeDecode(kv[2])]);
    }
    fromHeader = true;
  } else {
    all = others.filter(([k]) => k.startsWith('oauth_'));
    if (all.length === 0) return null;
  }
  const get = (k: string) => all.find(([n]) => n === k)?.[1];
  const consumerKey = get('oauth_consumer_key');
  const tokenKey = get('oauth_token');
  const signatureMethod = get('oauth_signature_method');
  const signature = get('oauth_signature');
  if (!consumerKey || !tokenKey || !signatureMethod || signature === undefined) {
    throw unauthorized('Incomplete OAuth credentials: oauth_consumer_key, oauth_token, oauth_signature_method and oauth_signature are all required.');
  }
  return { consumerKey, tokenKey, signatureMethod, signature, timestamp: get('oauth_timestamp'), nonce: get('oauth_nonce'), all, fromHeader };
}

/** Constant-time string equality (hashing first makes the lengths equal). */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export interface SignedRequest {
  method: string;
  /** scheme://host[:port]/path, no query (RFC 5849 §3.4.1.2). */
  baseUrl: string;
  /** Query parameters and urlencoded body parameters (not the oauth_* header ones). */
  params: [string, string][];
}

export function hmacBaseString(req: SignedRequest, oauth: OAuthParams): string {
  const pairs = [...req.params.filter(([k]) => k !== 'oauth_signature')];
  if (oauth.fromHeader) pairs.push(...oauth.all.filter(([k]) => k !== 'oauth_signature'));
  const norm = pairs
    .map(([k, v]) => [oauthEncode(k), oauthEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return [req.method.toUpperCase(), oauthEncode(req.baseUrl), oauthEncode(norm)].join('&');
}

/** True when `oauth.signature` is right for a token whose secret is `tokenSecret`. */
export function signatureMatches(oauth: OAuthParams, tokenSecret: string, req: SignedRequest): boolean {
  const key = `&${oauthEncode(tokenSecret)}`; // consumer secret is '' in MAAS
  switch (oauth.signatureMethod.toUpperCase()) {
    case 'PLAINTEXT':
      return sameSecret(oauth.signature, key);
    case 'HMAC-SHA1': {
      const expected = createHmac('sha1', key).update(hmacBaseString(req, oauth)).digest('base64');
      return sameSecret(oauth.signature, expected);
    }
    default:
      throw unauthorized(`Unsupported OAuth signature method "${oauth.signatureMethod}": use PLAINTEXT or HMAC-SHA1.`);
  }
}
