/** Where and how one notification is delivered. */
export interface Delivery {
  /** The chat to send to. */
  chatId: number;
  /** A forum topic of that chat, when the message goes there. */
  messageThreadId?: number;
  /** Send silently (Telegram's `disable_notification`), e.g. during the person's quiet hours. */
  disableNotification: boolean;
  /** The IANA time zone the message shows times in. @default 'UTC' */
  timeZone?: string;
}

/**
 * Decides where a notification for `userId`, sent at `at` (epoch ms), goes. The relay asks once per
 * outbox row, just before sending it, so a change of routing or quiet hours applies to what is still
 * waiting. It must not throw for an unknown person: the default answer is their private chat.
 */
export type DeliveryFor = (userId: number, at: number) => Delivery | Promise<Delivery>;

/**
 * The default {@link DeliveryFor}: the person's private chat with the bot (whose id is their user
 * id), with sound.
 * @example privateChatDelivery(42, Date.now()) // { chatId: 42, disableNotification: false }
 */
export const privateChatDelivery: DeliveryFor = (userId) => ({ chatId: userId, disableNotification: false });
