import type { World } from './world/world';

/**
 * What the user-side objects (users, groups, their chats) share: the world, the address bots use
 * (named in timeout messages) and the default wait. Built once, after the server listens.
 */
export interface SandboxRuntime {
  readonly world: World;
  readonly apiRoot: string;
  readonly timeoutMs: number;
}
