import { z } from 'zod';
import { badRequest, ERRORS } from '../api/api-error';
import { defineMethod } from '../api/method';
import { entities } from '../api/params';
import { sameEntities } from '../text/entities';
import { formatText } from '../text/format';
import type { TelegramMessage } from '../types';
import { photoSizes, type Upload } from '../world/files';
import { applyEdit, editTarget, findTarget, inlineMarkup, sameMarkup } from './edit-message';
import { withEntities } from './outgoing';
import { documentOf, isUpload, resolveFile } from './send-media';

/** The kinds of InputMedia the sandbox stores; Telegram's others (video, audio, animation) are refused. */
const KINDS = ['photo', 'document'] as const;

const inputMedia = z.object(
  {
    type: z.string({ error: () => "Bad Request: can't parse InputMedia: Media type is not specified" }),
    media: z.union([z.string().min(1), z.custom<Upload>(isUpload)], {
      error: () => "Bad Request: can't parse InputMedia: Media is not specified",
    }),
    caption: z.string().optional(),
    parse_mode: z.string().optional(),
    caption_entities: entities,
    has_spoiler: z.unknown().optional(),
    show_caption_above_media: z.unknown().optional(),
  },
  { error: () => "Bad Request: can't parse input media JSON object" },
);

/** `media` arrives as an object (JSON body) or as its JSON text (a form, where it names an `attach://` part). */
const mediaParam = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  },
  z.unknown().refine((value) => value !== undefined, { error: () => 'Bad Request: parameter "media" is required' }),
);

/** The upload an `attach://<name>` value names among the request's other parts, or the value itself. */
function attached(value: string | Upload, params: Record<string, unknown>): string | Upload {
  if (typeof value !== 'string' || !value.startsWith('attach://')) return value;
  const part = params[value.slice('attach://'.length)];
  if (!isUpload(part)) throw badRequest('wrong file identifier/HTTP URL specified');
  return part;
}

/**
 * `editMessageMedia`: replaces the photo or document of one of the bot's messages with an upload
 * (a form part named by `attach://<name>`, as telegraf sends a Buffer), a known file_id or a URL,
 * together with its caption (none given: the caption is removed, as Telegram does) and its inline
 * keyboard (none given: removed). Refuses a text message ("there is no media in the message to
 * edit"), media types other than photo and document, and an edit that changes nothing.
 */
export const editMessageMedia = defineMethod({
  name: 'editMessageMedia',
  limited: true,
  params: z.looseObject({ ...editTarget, media: mediaParam }),
  run: (params, context) => {
    const parsed = inputMedia.safeParse(params.media);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '';
      throw message.startsWith('Bad Request:')
        ? badRequest(message.slice('Bad Request: '.length))
        : badRequest("can't parse input media JSON object");
    }
    const input = parsed.data;
    const kind = KINDS.find((k) => k === input.type);
    if (kind === undefined) {
      throw badRequest(
        `the sandbox stores photo and document media only; InputMedia of type "${input.type}" is not supported`,
      );
    }
    const caption = formatText(
      { text: input.caption, parseMode: input.parse_mode, entities: input.caption_entities },
      'caption',
    );
    const markup = inlineMarkup(params.reply_markup);
    const found = findTarget(context, params);
    const current = found.stored.message;
    if (current.photo === undefined && current.document === undefined) {
      throw badRequest('there is no media in the message to edit');
    }
    const file = resolveFile(context, kind, attached(input.media, params));
    const currentFileId = current.photo?.at(-1)?.file_id ?? current.document?.file_id;
    if (
      file.fileId === currentFileId &&
      (current.caption ?? '') === caption.text &&
      sameEntities(current.caption_entities, caption.entities) &&
      sameMarkup(current.reply_markup, markup)
    ) {
      throw ERRORS.notModified();
    }
    const content: Partial<TelegramMessage> = {
      ...(kind === 'photo' ? { photo: photoSizes(file) } : { document: documentOf(file) }),
      ...(caption.text ? { caption: caption.text, ...withEntities('caption_entities', caption.entities) } : {}),
    };
    return applyEdit(context, found, content, ['photo', 'document', 'caption', 'caption_entities'], markup);
  },
});
