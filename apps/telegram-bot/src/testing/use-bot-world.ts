import { afterAll, beforeAll } from '@jest/globals';
import { createBotWorld, type BotWorld, type BotWorldOptions } from './bot-world';

/**
 * The {@link BotWorld} of a test file or `describe` block: created with `options` and its bot
 * started before the block's tests (`beforeAll`), closed after them (`afterAll`). The object is
 * filled in when the block starts: use it in tests and hooks, not while declaring them.
 * @example
 * describe('/settings', () => {
 *   const world = useBotWorld();
 *   it('shows the defaults', async () => {
 *     const ann = world.harness.createUser({ firstName: 'Ann' });
 *   });
 * });
 */
export function useBotWorld(options: BotWorldOptions = {}): BotWorld {
  const world = {} as BotWorld;
  beforeAll(async () => {
    Object.assign(world, await createBotWorld(options));
    await world.startBot();
  }, 60_000);
  afterAll(() => ('close' in world ? world.close() : undefined));
  return world;
}
