import { describe, expect, it } from '@jest/globals';
import { findCredentialShape } from './credential-shapes';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const jwt = [
  { alg: 'RS256', typ: 'JWT' },
  { sub: '0oa123', exp: 1_900_000_000 },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('c2lnbmF0dXJlLWJ5dGVz')
  .join('.');

describe('findCredentialShape', () => {
  it('finds a header, its bare base64, a JWT, a bearer token and a bot token, anywhere in the text', () => {
    const encoded = base64('0oaSimulatorClient0001:simulator-secret-not-for-production');
    expect(findCredentialShape(`Basic ${encoded}`)).toBe('plume-header');
    expect(findCredentialShape(encoded)).toBe('client-credentials');
    expect(findCredentialShape(`my key is “${encoded}”.`)).toBe('client-credentials');
    expect(findCredentialShape(jwt)).toBe('jwt');
    expect(findCredentialShape(`Bearer ${jwt}`)).toBe('jwt');
    expect(findCredentialShape('Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA7d')).toBe('bearer-token');
    expect(findCredentialShape('token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0 ok')).toBe('bot-token');
  });

  it('leaves ordinary text, ids, emails, names and URLs alone', () => {
    for (const text of [
      'ada@example.com',
      'ACME-0002',
      'Café',
      'c0ffee000000000000000003',
      '64a1f2c3d4e5f60718293a4b',
      'basic troubleshooting steps please',
      'the bearer of bad news',
      'https://external.sso.plume.com/oauth2/aus1abcd/v1/token',
      'Internationalization',
      base64('no colon in here at all'),
      '12:30 meeting',
    ]) {
      expect([text, findCredentialShape(text)]).toEqual([text, undefined]);
    }
  });
});
