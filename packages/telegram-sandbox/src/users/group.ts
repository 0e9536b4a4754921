import { SandboxError } from '../errors';
import type { TelegramChat, TelegramMessage } from '../types';
import { liveMessages, type Conversation } from '../world/conversations';
import type { SandboxRuntime } from '../runtime';
import { createActor, type ChatActor } from './actor';
import type { SandboxUser } from './user';

/** Settings of a group chat. */
export interface CreateGroupOptions {
  /** The group's name. */
  title: string;
  /** A negative id. @default -1, -2… (supergroups: -1001000000001…) */
  id?: number;
  /** @default 'group' */
  type?: 'group' | 'supergroup';
  /** A public `@username` (without `@`) bots may use as chat_id. */
  username?: string;
  /** Users in the group from the start. */
  members?: readonly SandboxUser[];
  /** Tokens of the bots in the group. @default the sandbox's first bot */
  bots?: readonly string[];
}

/**
 * A group chat: every member's messages go to every bot in it (as with privacy mode off).
 *
 * @example
 * ```ts
 * const group = sandbox.createGroup({ title: 'Ops', members: [ann, bob] });
 * await group.as(ann).send('/status');
 * ```
 */
export interface SandboxGroup {
  readonly id: number;
  readonly chat: TelegramChat;
  /** Acts as `user` in this group (the same actor each time, so its waits follow its own actions). */
  as(user: SandboxUser): ChatActor;
  /** Adds a user to the group. */
  addMember(user: SandboxUser): void;
  /** The group's messages as they now stand. */
  messages(): TelegramMessage[];
}

/** The {@link SandboxGroup} of `conversation`, with one actor per member, made on first use. */
export function createSandboxGroup(runtime: SandboxRuntime, conversation: Conversation): SandboxGroup {
  const actors = new Map<number, ChatActor>();
  const { chat } = conversation;
  return {
    id: chat.id,
    chat,
    as(user) {
      if (!conversation.memberIds.has(user.id)) {
        throw new SandboxError(
          'NOT_A_MEMBER',
          `${user.user.first_name} (id ${user.id}) is not in group "${chat.title}": pass them in members or call addMember().`,
        );
      }
      let actor = actors.get(user.id);
      if (!actor) {
        actor = createActor(runtime, conversation, user.user);
        actors.set(user.id, actor);
      }
      return actor;
    },
    addMember(user) {
      conversation.memberIds.add(user.id);
      runtime.world.emit({ type: 'conversations' });
    },
    messages: () => liveMessages(conversation),
  };
}
