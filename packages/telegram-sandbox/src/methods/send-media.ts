import { z } from 'zod';
import { ERRORS, badRequest } from '../api/api-error';
import { checkMarkup } from '../api/markup';
import { defineMethod, type MethodContext } from '../api/method';
import { entities, replyTarget } from '../api/params';
import { formatText } from '../text/format';
import type { TelegramDocument } from '../types';
import { photoSizes, type FileRecord, type Upload } from '../world/files';
import { postBotMessage, resolveTarget, withEntities } from './outgoing';
import { sendOptions } from './send-message';

/** Whether a parameter is an uploaded file (a multipart part with a filename). */
export const isUpload = (value: unknown): value is Upload =>
  typeof value === 'object' && value !== null && 'data' in value && 'filename' in value;

function mediaParam(kind: 'photo' | 'document') {
  const missing = () => `Bad Request: there is no ${kind} in the request`;
  return z.union([z.string().min(1), z.custom<Upload>(isUpload)], { error: missing });
}

/** The stored file for an upload, a known file_id or an http(s) URL. @throws wrong file identifier */
export function resolveFile({ world }: MethodContext, kind: FileRecord['kind'], value: string | Upload): FileRecord {
  if (isUpload(value)) return world.files.putUpload(kind, value);
  const known = world.files.get(value);
  if (known) return known;
  if (/^https?:\/\/[^\s]+$/i.test(value)) return world.files.putUrl(kind, value);
  throw ERRORS.wrongFile();
}

/** A stored file as Telegram's Document object. */
export function documentOf(file: FileRecord): TelegramDocument {
  return {
    file_id: file.fileId,
    file_unique_id: file.uniqueId,
    ...(file.name ? { file_name: file.name } : {}),
    ...(file.mime ? { mime_type: file.mime } : {}),
    ...(file.size === undefined ? {} : { file_size: file.size }),
  };
}

function defineMediaMethod(name: string, kind: 'photo' | 'document') {
  return defineMethod({
    name,
    limited: true,
    params: z.object({
      ...sendOptions,
      [kind]: mediaParam(kind),
      caption: z.string().optional(),
      parse_mode: z.string().optional(),
      caption_entities: entities,
      has_spoiler: z.unknown().optional(),
      show_caption_above_media: z.unknown().optional(),
    }) as z.ZodType<
      z.output<z.ZodObject<typeof sendOptions>> & {
        photo?: string | Upload;
        document?: string | Upload;
        caption?: string;
        parse_mode?: string;
        caption_entities?: z.output<typeof entities>;
      }
    >,
    run: (params, context) => {
      const caption = formatText(
        { text: params.caption, parseMode: params.parse_mode, entities: params.caption_entities },
        'caption',
      );
      const markup = checkMarkup(params.reply_markup);
      const source = params[kind];
      if (source === undefined) throw badRequest(`there is no ${kind} in the request`);
      const target = resolveTarget(context, params.chat_id, replyTarget(params), {
        threadId: params.message_thread_id,
        silent: params.disable_notification,
      });
      const file = resolveFile(context, kind, source);
      const media = kind === 'photo' ? { photo: photoSizes(file) } : { document: documentOf(file) };
      const captionFields = caption.text
        ? { caption: caption.text, ...withEntities('caption_entities', caption.entities) }
        : {};
      return postBotMessage(context, target, { ...media, ...captionFields }, markup);
    },
  });
}

/** `sendPhoto`: an upload, a known file_id or an http(s) URL (not fetched), with a caption of at most 1024. */
export const sendPhoto = defineMediaMethod('sendPhoto', 'photo');

/** `sendDocument`: like sendPhoto, for any file. */
export const sendDocument = defineMediaMethod('sendDocument', 'document');

/** `getFile`: the path under `/file/bot<token>/` where a stored file can be downloaded. */
export const getFile = defineMethod({
  name: 'getFile',
  params: z.object({ file_id: z.string({ error: () => 'Bad Request: parameter "file_id" is required' }) }),
  run: (params, { world }) => {
    const file = world.files.get(params.file_id);
    if (!file) throw badRequest('invalid file_id');
    return {
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      ...(file.size === undefined ? {} : { file_size: file.size }),
      file_path: file.path,
    };
  },
});
