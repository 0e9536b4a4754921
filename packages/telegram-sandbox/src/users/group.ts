import { SandboxError } from '../errors';
import type { TelegramChat, TelegramMessage } from '../types';
import { createConversation, groupKey, liveMessages, type Conversation } from '../world/conversations';
import type { SandboxRuntime } from '../runtime';
import { postServiceMessage } from './actions';
import { createActor, type ChatActor } from './actor';
import type { SandboxUser } from './user';

/** Settings of a group chat. */
export interface CreateGroupOptions {
  /** The group's name. */
  title: string;
  /** A negative id. @default -1, -2… (supergroups: -1001000000001…) */
  id?: number;
  /** @default 'group' (`'supergroup'` when `forum` is set) */
  type?: 'group' | 'supergroup';
  /** A forum: a supergroup whose messages are organised in topics (see {@link SandboxGroup.createTopic}). */
  forum?: boolean;
  /** A public `@username` (without `@`) bots may use as chat_id. */
  username?: string;
  /** Users in the group from the start. */
  members?: readonly SandboxUser[];
  /** The group's owner (`creator` in getChatMember), also a member. */
  owner?: SandboxUser;
  /** Administrators (`administrator` in getChatMember, with every right), also members. */
  admins?: readonly SandboxUser[];
  /** Tokens of the bots in the group. @default the sandbox's first bot */
  bots?: readonly string[];
}

/**
 * A topic of a forum supergroup: its members write in it, and bots answer in it with its
 * `message_thread_id`.
 *
 * @example
 * ```ts
 * const alerts = forum.createTopic('Alerts', ann);
 * await alerts.as(ann).send('/status');
 * (await alerts.as(ann).lastMessage()).message_thread_id; // alerts.id
 * ```
 */
export interface SandboxTopic {
  /** The topic's `message_thread_id` (the id of the message that created it). */
  readonly id: number;
  readonly name: string;
  /** Acts as `user` in this topic: writes in it and sees only its messages. */
  as(this: void, user: SandboxUser): ChatActor;
}

/**
 * A group chat: every member's messages go to every bot in it (as with privacy mode off).
 *
 * @example
 * ```ts
 * const group = sandbox.createGroup({ title: 'Ops', members: [ann, bob], admins: [ann] });
 * await group.as(ann).send('/status');
 * ```
 */
export interface SandboxGroup {
  readonly id: number;
  readonly chat: TelegramChat;
  /** Acts as `user` in this group (the same actor each time, so its waits follow its own actions). */
  as(this: void, user: SandboxUser): ChatActor;
  /** Adds a user to the group. */
  addMember(this: void, user: SandboxUser): void;
  /** Makes a member an administrator (`administrator` in getChatMember). */
  promote(this: void, user: SandboxUser): void;
  /** Makes an administrator a plain member again. */
  demote(this: void, user: SandboxUser): void;
  /**
   * `by` opens a topic in this forum: bots get its `forum_topic_created` service message.
   * @throws {SandboxError} `INVALID_INPUT` when the group is not a forum; `NOT_A_MEMBER`
   */
  createTopic(this: void, name: string, by: SandboxUser): SandboxTopic;
  /**
   * `by` upgrades this group to a supergroup, as Telegram does when a group gains certain settings:
   * bots get a `migrate_to_chat_id` service message in the old group and a `migrate_from_chat_id`
   * one in the new supergroup; calls with the old id then fail with `400 Bad Request: group chat was
   * upgraded to a supergroup chat` and `parameters.migrate_to_chat_id`. Returns the supergroup (same
   * members, administrators and bots).
   * @throws {SandboxError} `INVALID_INPUT` when the chat is a supergroup already, or was upgraded
   */
  migrateToSupergroup(this: void, by: SandboxUser): SandboxGroup;
  /** The group's messages as they now stand. */
  messages(this: void): TelegramMessage[];
}

function requireMember(conversation: Conversation, user: SandboxUser): void {
  if (!conversation.memberIds.has(user.id)) {
    throw new SandboxError(
      'NOT_A_MEMBER',
      `${user.user.first_name} (id ${user.id}) is not in group "${conversation.chat.title}": pass them in members or call addMember().`,
    );
  }
}

/** The {@link SandboxGroup} of `conversation`, with one actor per member (and topic), made on first use. */
export function createSandboxGroup(runtime: SandboxRuntime, conversation: Conversation): SandboxGroup {
  const { world } = runtime;
  const actors = new Map<string, ChatActor>();
  const { chat } = conversation;
  const actorOf = (user: SandboxUser, threadId?: number): ChatActor => {
    requireMember(conversation, user);
    const key = `${user.id}:${threadId ?? ''}`;
    let actor = actors.get(key);
    if (!actor) {
      actor = createActor(runtime, conversation, user.user, threadId);
      actors.set(key, actor);
    }
    return actor;
  };
  return {
    id: chat.id,
    chat,
    as: (user) => actorOf(user),
    addMember(user) {
      conversation.memberIds.add(user.id);
      world.emit({ type: 'conversations' });
    },
    promote(user) {
      requireMember(conversation, user);
      if (conversation.admins.get(user.id) !== 'creator') conversation.admins.set(user.id, 'administrator');
    },
    demote(user) {
      if (conversation.admins.get(user.id) === 'administrator') conversation.admins.delete(user.id);
    },
    createTopic(name, by) {
      if (chat.is_forum !== true)
        throw new SandboxError('INVALID_INPUT', `Group "${chat.title}" is not a forum: create it with forum: true.`);
      requireMember(conversation, by);
      const id = conversation.nextMessageId;
      conversation.topics.set(id, name);
      postServiceMessage(world, conversation, by.user, {
        message_thread_id: id,
        is_topic_message: true,
        forum_topic_created: { name, icon_color: 7322096 },
      });
      return { id, name, as: (user) => actorOf(user, id) };
    },
    migrateToSupergroup(by) {
      if (chat.type !== 'group' || conversation.migratedTo !== undefined) {
        throw new SandboxError('INVALID_INPUT', `Chat ${chat.id} is not a group that can become a supergroup.`);
      }
      requireMember(conversation, by);
      let number = world.allocateGroupId();
      while (world.conversations.has(groupKey(-(1_000_000_000_000 + number)))) number = world.allocateGroupId();
      const id = -(1_000_000_000_000 + number);
      const upgraded = createConversation(groupKey(id), {
        id,
        type: 'supergroup',
        ...(chat.title === undefined ? {} : { title: chat.title }),
      });
      for (const token of conversation.botTokens) upgraded.botTokens.add(token);
      for (const member of conversation.memberIds) upgraded.memberIds.add(member);
      for (const [member, role] of conversation.admins) upgraded.admins.set(member, role);
      world.conversations.set(upgraded.key, upgraded);
      postServiceMessage(world, conversation, by.user, { migrate_to_chat_id: id });
      conversation.migratedTo = id;
      postServiceMessage(world, upgraded, by.user, { migrate_from_chat_id: chat.id });
      world.emit({ type: 'conversations' });
      return createSandboxGroup(runtime, upgraded);
    },
    messages: () => liveMessages(conversation),
  };
}
