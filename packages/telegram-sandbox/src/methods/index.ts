import type { MethodDefinition } from '../api/method';
import { answerCallbackQuery } from './callback-query';
import { sendChatAction } from './chat-action';
import { getChatMember } from './chat-member';
import { deleteMyCommands, getMyCommands, setMyCommands } from './commands';
import { deleteMessage, deleteMessages } from './delete-message';
import { editMessageMedia } from './edit-media';
import { editMessageCaption, editMessageReplyMarkup, editMessageText } from './edit-message';
import { acceptedMethods, getMe } from './get-me';
import { getUpdates } from './get-updates';
import { getFile, sendDocument, sendPhoto } from './send-media';
import { sendMessage } from './send-message';
import { deleteWebhook, getWebhookInfo, setWebhook } from './webhook';

/** Every Bot API method the sandbox serves. Others answer `404 Not Found`, as Telegram does. */
export const METHODS: readonly MethodDefinition[] = [
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  sendMessage,
  sendPhoto,
  sendDocument,
  getFile,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  editMessageMedia,
  deleteMessage,
  deleteMessages,
  answerCallbackQuery,
  sendChatAction,
  getChatMember,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  ...acceptedMethods,
];
