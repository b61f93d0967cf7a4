import { describe, expect, test } from 'vitest';
import { extractOAuth, hmacBaseString, signatureMatches } from '../../../src-main/region/auth/oauth';

describe('OAuth 1.0a', () => {
  test('HMAC-SHA1 base string: the RFC 5849 §3.4.1.1 example', () => {
    const header = 'OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", ' +
      'oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", oauth_signature="djosJKDKJSD8743243%2Fjdk33klY%3D"';
    const params = [...new URLSearchParams('b5=%3D%253D&a3=a&c%40=&a2=r%20b'), ...new URLSearchParams('c2&a3=2+q')];
    const oauth = extractOAuth(header, params)!;
    expect(hmacBaseString({ method: 'POST', baseUrl: 'http://example.com/request', params }, oauth)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D' +
      '%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1' +
      '%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7');
  });

  test('PLAINTEXT: "&" + token secret (empty consumer secret), percent-encoded in the header', () => {
    const h = (sig: string) => `OAuth oauth_consumer_key="c", oauth_token="t", oauth_signature_method="PLAINTEXT", oauth_signature="${sig}"`;
    const req = { method: 'GET', baseUrl: 'http://x/', params: [] };
    expect(signatureMatches(extractOAuth(h('%26s3cret'), [])!, 's3cret', req)).toBe(true);
    expect(signatureMatches(extractOAuth(h('%26s3cre'), [])!, 's3cret', req)).toBe(false);
    expect(signatureMatches(extractOAuth(h('x%26s3cret'), [])!, 's3cret', req)).toBe(false);
    expect(() => signatureMatches(extractOAuth(h('%26s').replace('PLAINTEXT', 'RSA-SHA1'), [])!, 's', req)).toThrow(/Unsupported OAuth signature method/);
  });

  test('missing pieces and other schemes are refused; no credentials at all is anonymous', () => {
    expect(extractOAuth(undefined, [['op', 'list']])).toBeNull();
    expect(() => extractOAuth('OAuth oauth_consumer_key="c"', [])).toThrow(/Incomplete OAuth credentials/);
    expect(() => extractOAuth('Bearer abc', [])).toThrow(/expects "OAuth/);
    expect(() => extractOAuth('OAuth oauth_token="%E0%A4%A"', [])).toThrow(/percent-encoding/);
  });
});
