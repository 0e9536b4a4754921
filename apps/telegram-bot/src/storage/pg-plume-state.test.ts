import { describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { memoryPlumeState, openPgPlumeState, postgresPlumeState } from '../testing/plume-state-backends';
import { plumeStateContract } from '../testing/plume-state-contract';
import { captureLogger } from '../testing/capture-logger';
import { pgBudgetStore } from './pg-budget-store';
import { pgTokenCache } from './pg-token-cache';

// The SDK's budget and token cache in PostgreSQL behave as the SDK's memory ones, and several
// processes (pools) share them without ever exceeding the budget.
describe.each([memoryPlumeState, postgresPlumeState])('the $name Plume state', (backend) => {
  plumeStateContract(backend);
});

describe('the PostgreSQL token cache', () => {
  it('stores tokens sealed by the app, and treats one that does not open as absent', async () => {
    const state = await openPgPlumeState();
    try {
      const { logger, lines } = captureLogger();
      const cache = pgTokenCache(await state.pool(), state.cipher, logger);
      await cache.set('sso|partner|client', { accessToken: 'eyJ.secret-token.sig', expiresAt: 5 });
      const raw = new Client({ connectionString: state.database.url });
      await raw.connect();
      try {
        const { rows } = await raw.query<{ sealed: string }>('SELECT sealed FROM plume_tokens');
        expect(rows).toHaveLength(1);
        expect(rows[0]?.sealed).not.toContain('secret-token');
        await raw.query("UPDATE plume_tokens SET cache_key = 'another key'");
      } finally {
        await raw.end();
      }
      expect(await cache.get('another key')).toBeUndefined(); // sealed for its own key only
      expect(lines().join('\n')).toContain('cannot be decrypted');
      expect(lines().join('\n')).not.toContain('secret-token');
    } finally {
      await state.destroy();
    }
  });
});

describe('the PostgreSQL budget store', () => {
  it('keeps calls in order when a replica whose clock is behind takes one after another replica', async () => {
    const state = await openPgPlumeState();
    try {
      const [ahead, behind] = [pgBudgetStore(await state.pool(), 'k'), pgBudgetStore(await state.pool(), 'k')];
      const limits = {
        burst: 2,
        burstWindowMs: 1000,
        callsPerWindow: 10,
        windowMs: 60_000,
        backgroundPerWindow: 10,
        interactiveReserve: 1,
      };
      expect(await ahead.take('interactive', 5000, limits)).toEqual({ granted: true });
      // Its clock reads 4990: the call counts as started at 5000, the newest one's time.
      expect(await behind.take('interactive', 4990, limits)).toEqual({ granted: true });
      expect(await ahead.take('interactive', 5001, limits)).toEqual({ granted: false, reason: 'rate', retryAt: 6000 });
      expect(await behind.take('interactive', 5500, limits)).toEqual({ granted: false, reason: 'rate', retryAt: 6000 });
      expect(await behind.take('interactive', 6000, limits)).toEqual({ granted: true });
      expect((await ahead.usage(6000, limits)).interactive).toBe(3);
    } finally {
      await state.destroy();
    }
  });
});
