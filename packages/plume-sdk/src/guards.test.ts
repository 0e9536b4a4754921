import { describe, expect, it } from '@jest/globals';
import { runInNewContext } from 'node:vm';
import {
  isPlumeArgumentError,
  isPlumeAuthError,
  isPlumeConfigError,
  isPlumeError,
  isPlumeHttpError,
  isPlumeNetworkError,
  isPlumeNotFoundError,
  isPlumeRateLimitError,
  isPlumeResponseError,
  isPlumeServerError,
  isPlumeTimeoutError,
  PlumeArgumentError,
  PlumeAuthError,
  PlumeConfigError,
  PlumeHttpError,
  PlumeNetworkError,
  PlumeNotFoundError,
  PlumeRateLimitError,
  PlumeResponseError,
  PlumeServerError,
  PlumeTimeoutError,
  type AnyPlumeError,
} from './index';

/** `true` only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const details = { endpoint: 'GET api/Customers/{customerId}' };
const CASES = [
  [new PlumeConfigError('bad options'), isPlumeConfigError, 'config'],
  [new PlumeArgumentError('bad id'), isPlumeArgumentError, 'invalid_argument'],
  [new PlumeAuthError('refused.', { ...details, hint: 'Check the header.' }), isPlumeAuthError, 'auth'],
  [new PlumeNotFoundError('missing', details), isPlumeNotFoundError, 'not_found'],
  [new PlumeRateLimitError('slow down', { ...details, source: 'api' }), isPlumeRateLimitError, 'rate_limited'],
  [new PlumeServerError('down', details), isPlumeServerError, 'server'],
  [new PlumeHttpError('400', details), isPlumeHttpError, 'http'],
  [new PlumeTimeoutError('slow', details), isPlumeTimeoutError, 'timeout'],
  [new PlumeNetworkError('offline', details), isPlumeNetworkError, 'network'],
  [new PlumeResponseError('odd body', { ...details, issues: [] }), isPlumeResponseError, 'response'],
] as const;

/** An error built in another realm, as another copy of the SDK there would build it. */
function foreignError(name: string, code: string): unknown {
  return runInNewContext(
    `class PlumeError extends Error { get isPlumeError() { return true; } }
     const error = new PlumeError('from elsewhere');
     error.name = ${JSON.stringify(name)};
     error.code = ${JSON.stringify(code)};
     error`,
  );
}

describe('error guards', () => {
  it.each(CASES.map(([error, guard, code]) => [code, error, guard] as const))(
    '%s: exactly one guard holds',
    (code, error, guard) => {
      expect(error.code).toBe(code);
      expect(guard(error)).toBe(true);
      expect(isPlumeError(error)).toBe(true);
      expect(CASES.filter(([, other]) => other(error)).map(([, , name]) => name)).toEqual([code]);
    },
  );

  it('hold for an error from another realm, where instanceof fails', () => {
    const error = foreignError('PlumeAuthError', 'auth');
    expect(error instanceof PlumeAuthError).toBe(false);
    expect(isPlumeAuthError(error)).toBe(true);
    expect(isPlumeError(error)).toBe(true);
    expect(isPlumeNotFoundError(error)).toBe(false);
  });

  it('reject look-alikes without the brand', () => {
    const plain = Object.assign(new Error('x'), { name: 'PlumeAuthError', code: 'auth' });
    for (const value of [plain, { code: 'auth' }, null, undefined, 'auth', 42]) {
      expect(isPlumeError(value)).toBe(false);
      expect(isPlumeAuthError(value)).toBe(false);
    }
  });

  it('narrow on code, with no cast', () => {
    const error: unknown = CASES[2][0];
    if (!isPlumeError(error)) throw new Error('expected a Plume error');
    const union: Equal<typeof error, AnyPlumeError> = true;
    expect(union).toBe(true);
    if (error.code === 'auth') {
      const narrowed: Equal<typeof error, PlumeAuthError> = true;
      expect(narrowed).toBe(true);
      expect(error.hint).toBe('Check the header.');
    } else {
      throw new Error('expected code auth');
    }
    const limited: unknown = CASES[4][0];
    if (isPlumeRateLimitError(limited)) expect(limited.source).toBe('api');
    else throw new Error('expected a rate-limit error');
  });
});
