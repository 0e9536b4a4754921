import { describe, expect, it } from '@jest/globals';
import { isPlumeError, MemoryTokenCache, PlumeClient, PlumeConfigError, type PlumeClientOptions } from './index';

const authorization = `Basic ${btoa('client-id:very-secret')}`;
const valid: PlumeClientOptions = { authorization, partnerId: 'eb0af9d0a7ab946dcb3b8ef5' };

function configError(options: unknown): PlumeConfigError {
  try {
    new PlumeClient(options as PlumeClientOptions);
  } catch (error) {
    if (error instanceof PlumeConfigError) return error;
    throw error;
  }
  throw new Error('expected a PlumeConfigError');
}

describe('PlumeClient options', () => {
  it('accepts the minimal options and builds the resource groups', () => {
    const client = new PlumeClient(valid);
    expect(Object.keys(client)).toEqual(
      expect.arrayContaining(['customers', 'locations', 'nodes', 'wifiNetworks', 'reports']),
    );
  });

  it('accepts pasted variants of the header and { clientId, clientSecret }', () => {
    for (const variant of [`Basic: ${btoa('id:secret')}`, `  basic ${btoa('id:secret')} `, btoa('id:secret')]) {
      expect(() => new PlumeClient({ ...valid, authorization: variant })).not.toThrow();
    }
    expect(
      () => new PlumeClient({ ...valid, authorization: { clientId: 'id', clientSecret: 'sécret' } }),
    ).not.toThrow();
  });

  it('says what to fix when authorization and partnerId are missing', () => {
    const error = configError({});
    expect(error.code).toBe('config');
    expect(error.message).toMatch(/authorization: is required.*Basic/);
    expect(error.message).toMatch(/partnerId: is required.*Plume portal/);
  });

  it('refuses a header that is not Basic base64(id:secret) without quoting it', () => {
    const error = configError({ ...valid, authorization: 'Bearer some-token-value' });
    expect(error.message).toMatch(/authorization: must be the Basic header from the Plume portal/);
    expect(error.message).not.toContain('some-token-value');
    const noColon = configError({ ...valid, authorization: `Basic ${btoa('justonepart')}` });
    expect(noColon.message).toMatch(/does not decode to "clientId:clientSecret"/);
    expect(noColon.message).not.toContain(btoa('justonepart'));
  });

  it('says which credential is missing or wrong in { clientId, clientSecret }', () => {
    expect(configError({ ...valid, authorization: { clientId: 'id' } }).message).toMatch(
      /authorization\.clientSecret: is required/,
    );
    const empty = configError({ ...valid, authorization: { clientId: '', clientSecret: 'not-quoted-secret' } });
    expect(empty.message).toMatch(/authorization\.clientId: must be the OAuth client id from the Plume portal/);
    expect(empty.message).not.toContain('not-quoted-secret');
  });

  it('names the field inside retry and rateLimit that is wrong', () => {
    const error = configError({ ...valid, retry: { limit: 11 }, rateLimit: { burst: 0.5 } });
    expect(error.message).toMatch(/retry\.limit: must be a retry count from 0 to 10/);
    expect(error.message).toMatch(/rateLimit\.burst: must be a whole number of at least 1/);
    expect(configError({ ...valid, rateLimit: true }).message).toMatch(
      /rateLimit: must be false or \{ requestsPerSecond, burst \}/,
    );
  });

  it('refuses a partner id with spaces, bad URLs, and numbers out of range', () => {
    const error = configError({
      ...valid,
      partnerId: 'eb0a f9d0',
      apiBase: 'ftp://example.com/api/',
      timeoutMs: -1,
      retry: 99,
    });
    expect(error.message).toMatch(/partnerId: must be your partner id/);
    expect(error.message).toMatch(/apiBase: must be an absolute http\(s\) URL/);
    expect(error.message).toMatch(/timeoutMs:/);
    expect(error.message).toMatch(/retry: must be a retry count from 0 to 10/);
  });

  it('names unknown options, so that a typo cannot silently reach the public cloud', () => {
    expect(configError({ ...valid, apiBaseUrl: 'http://localhost/api/' }).message).toMatch(
      /unknown option "apiBaseUrl"/,
    );
    expect(configError({ ...valid, retry: { limt: 1 } }).message).toMatch(/unknown option "limt"/);
  });

  it('asks for reportsBase when apiBase does not end in /api/', () => {
    expect(configError({ ...valid, apiBase: 'https://cloud.example.com/v1' }).message).toMatch(
      /reportsBase: is required because apiBase/,
    );
    expect(
      () =>
        new PlumeClient({
          ...valid,
          apiBase: 'https://cloud.example.com/v1',
          reportsBase: 'https://cloud.example.com/r',
        }),
    ).not.toThrow();
  });

  it('refuses a token cache without get and set, and non-function hooks', () => {
    const error = configError({ ...valid, tokenCache: { get() {} }, onEvent: 'log', fetch: 42 });
    expect(error.message).toMatch(/tokenCache: must have get and set methods/);
    expect(error.message).toMatch(/onEvent: must be a function/);
    expect(error.message).toMatch(/fetch: must be a function/);
    expect(() => new PlumeClient({ ...valid, tokenCache: new MemoryTokenCache() })).not.toThrow();
    expect(
      () => new PlumeClient({ ...valid, tokenCache: { get: () => undefined, set: () => undefined } }),
    ).not.toThrow();
    expect(configError({ ...valid, tokenCache: { get() {}, set() {}, delete: 'no' } }).message).toMatch(/tokenCache:/);
  });

  it('throws a PlumeError that isPlumeError recognises, for non-object options too', () => {
    const error = configError(null);
    expect(isPlumeError(error)).toBe(true);
    expect(error.message).toMatch(/^\[@org\/plume-sdk\] Invalid PlumeClient options/);
  });
});
