import { Buffer } from 'node:buffer';
import { SandboxError, SandboxTimeoutError } from '../errors';
import type {
  CallbackAnswer,
  TelegramChat,
  TelegramInlineKeyboardButton,
  TelegramMessage,
  TelegramUser,
} from '../types';
import { findLive, liveMessages, type Conversation, type StoredMessage } from '../world/conversations';
import type { SandboxRuntime } from '../runtime';
import { editAsUser, pressAsUser, sendAsUser } from './actions';
import { buttonLabels, chatName, describeConversation, describeMessage } from './describe';
import { waitUntil } from './wait';

/** A limit on a wait. */
export interface WaitOptions {
  /** @default the sandbox's `timeoutMs` (3000 unless set) */
  timeoutMs?: number;
}

/** Which message a press targets. */
export interface PressOptions extends WaitOptions {
  /** Press on this message rather than on the last message that has an inline keyboard. */
  messageId?: number;
}

/** What {@link ChatActor.sendPhoto} sends. */
export interface SendPhotoOptions {
  /** The caption under the photo (at most 1024 characters). */
  caption?: string;
  /** The image bytes (PNG, GIF or JPEG give the photo its size). @default a 1×1 PNG */
  data?: Uint8Array;
  /** @default 'photo.png' */
  filename?: string;
  /** Replies to this message of the chat. */
  replyTo?: number;
}

/** A 1×1 transparent PNG: the photo a user sends when a test gives none. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A message test: text (or caption) containing a string, matching a RegExp, or a predicate. */
export type MessageMatcher = string | RegExp | ((message: TelegramMessage) => boolean);

/** A button press, whose answer from the bot can be awaited. */
export interface PressResult {
  callbackQueryId: string;
  /** The message the button was on, as it was when pressed. */
  message: TelegramMessage;
  button: TelegramInlineKeyboardButton;
  /** Resolves with the bot's answerCallbackQuery (text, show_alert…). */
  answer(options?: WaitOptions): Promise<CallbackAnswer>;
}

/**
 * One user in one chat: what a person at a Telegram client can do and see. Waits consider what
 * the bot did after this actor's last `send` or `press`. Its methods are bound (`this: void`):
 * `const { send, lastMessage } = user` works.
 */
export interface ChatActor {
  readonly user: TelegramUser;
  readonly chat: TelegramChat;
  /** Writes a message (a command is just text starting with `/`); resolves with the stored message. */
  send(this: void, text: string, options?: { replyTo?: number }): Promise<TelegramMessage>;
  /**
   * Sends a photo, as a person attaching a picture: by default a 1×1 PNG, without a caption.
   * The bot can download it (getFile); the message's `photo` and `caption` are what bots see.
   * @example await user.sendPhoto({ caption: 'my router' })
   */
  sendPhoto(this: void, options?: SendPhotoOptions): Promise<TelegramMessage>;
  /**
   * Edits one of this user's messages: its text, or a photo's caption. Bots get an
   * `edited_message` update; resolves with the message as edited.
   * @example const sent = await user.send('helo'); await user.edit(sent.message_id, 'hello');
   */
  edit(this: void, messageId: number, text: string): Promise<TelegramMessage>;
  /**
   * Presses the inline button whose text (or else callback_data) is `button`, on the last message
   * with a keyboard, waiting up to `timeoutMs` for such a button to appear.
   */
  press(this: void, button: string, options?: PressOptions): Promise<PressResult>;
  /** The chat as it now stands: edits applied, deleted messages gone, oldest first. */
  messages(this: void): TelegramMessage[];
  /** The message the bot most recently sent or edited after this actor's last action (waits for one). */
  lastMessage(this: void, options?: WaitOptions): Promise<TelegramMessage>;
  /** The first message the bot sent or edited after the last action that matches (waits for one). */
  waitForMessage(this: void, match: MessageMatcher, options?: WaitOptions): Promise<TelegramMessage>;
  /** The reply keyboard (custom keyboard) the bot shows in this chat, if any. */
  replyKeyboard(this: void): string[][] | undefined;
  /**
   * Whether the bot sent message `messageId` of this chat with `disable_notification` (members got it
   * without a sound).
   * @throws {SandboxError} `MESSAGE_NOT_FOUND` when the chat has no such message
   * @example expect(ann.isSilent((await ann.lastMessage()).message_id)).toBe(true)
   */
  isSilent(this: void, messageId: number): boolean;
}

function matches(match: MessageMatcher, message: TelegramMessage): boolean {
  if (typeof match === 'function') return match(message);
  const text = message.text ?? message.caption ?? '';
  return typeof match === 'string' ? text.includes(match) : match.test(text);
}

/**
 * Runs `act` at once and hands back its result, or what it threw, as a promise: a user's actions
 * take effect when called (the bot sees them in order), yet their API is asynchronous throughout.
 */
function settle<T>(act: () => T): Promise<T> {
  try {
    return Promise.resolve(act());
  } catch (error) {
    return Promise.reject(error);
  }
}

function describeMatcher(match: MessageMatcher): string {
  if (typeof match === 'string') return `containing ${JSON.stringify(match)}`;
  if (match instanceof RegExp) return `matching ${String(match)}`;
  return 'accepted by the predicate';
}

/**
 * The {@link ChatActor} of `user` in `conversation`, or in one topic of a forum (`threadId`): there it
 * writes in the topic and sees only the topic's messages. Each actor remembers its own last action,
 * so its waits consider only what the bot did after it.
 */
export function createActor(
  runtime: SandboxRuntime,
  conversation: Conversation,
  user: TelegramUser,
  threadId?: number,
): ChatActor {
  const { world } = runtime;
  const inScope = (stored: StoredMessage) =>
    !stored.deleted && (threadId === undefined || stored.message.message_thread_id === threadId);
  let lastActionSeq = 0;
  let lastAction = 'the start of the test';

  const acted = (description: string) => {
    lastActionSeq = world.currentSeq;
    lastAction = description;
  };
  const timeout = (options: WaitOptions) => options.timeoutMs ?? runtime.timeoutMs;
  const details = () => describeConversation(world, conversation, runtime.apiRoot);

  /** The bot's live messages changed after the last action, oldest change first. */
  const botChangesSinceAction = (): StoredMessage[] =>
    [...conversation.messages.values()]
      .filter((stored) => inScope(stored) && stored.botToken !== undefined && stored.seq > lastActionSeq)
      .sort((a, b) => a.seq - b.seq);

  const findButton = (
    label: string,
    messageId: number | undefined,
  ): { stored?: StoredMessage; button?: TelegramInlineKeyboardButton } => {
    const stored =
      messageId === undefined
        ? [...conversation.messages.values()].filter((s) => inScope(s) && buttonLabels(s.message).length > 0).at(-1)
        : findLive(conversation, messageId);
    if (!stored) return {};
    const buttons = (stored.message.reply_markup?.inline_keyboard ?? []).flat();
    const button = buttons.find((b) => b.text === label) ?? buttons.find((b) => b.callback_data === label);
    return button ? { stored, button } : { stored };
  };

  return {
    user,
    chat: conversation.chat,

    send: (text, options = {}) =>
      settle(() => {
        const stored = sendAsUser(world, conversation, user, { kind: 'text', text }, options.replyTo, threadId);
        acted(`${user.first_name} sent ${JSON.stringify(stored.message.text)}`);
        return stored.message;
      }),

    sendPhoto: (options = {}) =>
      settle(() => {
        const upload = {
          filename: options.filename ?? 'photo.png',
          contentType: '',
          data: Buffer.from(options.data ?? PIXEL_PNG),
        };
        const content = {
          kind: 'photo' as const,
          upload,
          ...(options.caption === undefined ? {} : { caption: options.caption }),
        };
        const stored = sendAsUser(world, conversation, user, content, options.replyTo, threadId);
        const caption =
          stored.message.caption === undefined ? '' : ` captioned ${JSON.stringify(stored.message.caption)}`;
        acted(`${user.first_name} sent a photo${caption}`);
        return stored.message;
      }),

    edit: (messageId, text) =>
      settle(() => {
        const stored = editAsUser(world, conversation, user, messageId, text);
        acted(
          `${user.first_name} edited message #${messageId} to ${JSON.stringify(stored.message.text ?? stored.message.caption ?? '')}`,
        );
        return stored.message;
      }),

    async press(label, options = {}) {
      const find = () => findButton(label, options.messageId);
      const probe = () => {
        const result = find();
        return result.button ? result : undefined;
      };
      const found = await waitUntil(world, probe, timeout(options), () => {
        const { stored } = find();
        const where = stored
          ? `message ${describeMessage(stored.message)}`
          : options.messageId === undefined
            ? 'any message (no message in the chat has an inline keyboard)'
            : `message #${options.messageId} (it is not in the chat)`;
        return new SandboxTimeoutError(`a button ${JSON.stringify(label)} on ${where}`, timeout(options), details());
      });
      const { stored, button } = found as { stored: StoredMessage; button: TelegramInlineKeyboardButton };
      if (button.callback_data === undefined) {
        throw new SandboxError(
          'BUTTON_NOT_FOUND',
          `Button ${JSON.stringify(button.text)} has no callback_data (it ${button.url ? `opens ${button.url}` : 'is not a callback button'}): pressing it sends nothing to the bot.`,
        );
      }
      const query = pressAsUser(world, conversation, user, stored, button.callback_data);
      acted(`${user.first_name} pressed ${JSON.stringify(button.text)} on message #${stored.message.message_id}`);
      return {
        callbackQueryId: query.id,
        message: stored.message,
        button,
        answer: (answerOptions = {}) =>
          waitUntil(
            world,
            () => query.answer,
            timeout(answerOptions),
            () =>
              new SandboxTimeoutError(
                `the bot to answer the press of ${JSON.stringify(button.text)} (answerCallbackQuery)`,
                timeout(answerOptions),
                details(),
              ),
          ),
      };
    },

    messages: () =>
      threadId === undefined
        ? liveMessages(conversation)
        : liveMessages(conversation).filter((message) => message.message_thread_id === threadId),

    lastMessage(options = {}) {
      return waitUntil(
        world,
        () => botChangesSinceAction().at(-1)?.message,
        timeout(options),
        () =>
          new SandboxTimeoutError(
            `a message from the bot in ${chatName(world, conversation)} after ${lastAction}`,
            timeout(options),
            details(),
          ),
      );
    },

    waitForMessage(match, options = {}) {
      const probe = () => botChangesSinceAction().find((stored) => matches(match, stored.message))?.message;
      return waitUntil(
        world,
        probe,
        timeout(options),
        () =>
          new SandboxTimeoutError(
            `a message from the bot ${describeMatcher(match)} after ${lastAction}`,
            timeout(options),
            details(),
          ),
      );
    },

    replyKeyboard: () => conversation.replyKeyboard?.rows.map((row) => [...row]),

    isSilent(messageId) {
      const stored = findLive(conversation, messageId);
      if (!stored)
        throw new SandboxError('MESSAGE_NOT_FOUND', `Message #${messageId} is not in chat ${conversation.chat.id}.`);
      return stored.silent === true;
    },
  };
}
