import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { WebhookHandler } from './http-server';

/** The largest webhook body accepted: updates are a few kilobytes, so 1 MB is generous. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

/** One update, as far as the webhook checks it: an object with a numeric `update_id`; the bot reads the rest. */
const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

/** One update, checked for form (see {@link createWebhookHandler}). */
export type WebhookUpdate = z.infer<typeof updateSchema>;

export interface WebhookOptions {
  /** The path Telegram posts to (the webhook URL's path). */
  path: string;
  /** Telegram sends it back in `X-Telegram-Bot-Api-Secret-Token`; posts without it are refused. */
  secretToken: string;
  /** Takes one update; resolves once the update is accepted (not necessarily handled). */
  handleUpdate: (update: WebhookUpdate) => Promise<void>;
  logger: Logger;
  /** @default {@link MAX_UPDATE_BYTES} */
  maxBytes?: number;
  /**
   * False once the bot is stopping: posts are answered 503 without being read, so that a proxy in
   * front of several replicas (or Telegram itself) delivers the update again elsewhere. @default always true
   */
  accepting?: () => boolean;
}

/** How soon a refused post may be retried, in seconds (`Retry-After`). */
const RETRY_AFTER_SECONDS = 1;

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const answer = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
  void res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(`${text}\n`);

/** The body, or 'too-large' as soon as it passes `maxBytes` (the rest is then not read). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** The update in `body`, or why it is not one. */
function parseUpdate(body: Buffer): WebhookUpdate | string {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return 'the body is not JSON';
  }
  const update = updateSchema.safeParse(json);
  return update.success ? update.data : 'the body is not one update object';
}

/**
 * Telegram's webhook posts: only POSTs on `path` carrying the secret token (403 otherwise), while
 * the bot is taking updates (503 once it is stopping), with a body of at most `maxBytes` (413),
 * holding one update object (400 for `null`, `[]`, a string, broken JSON…). A good update goes to
 * `handleUpdate` and gets 200 once it is stored. A refusal never reaches the
 * bot, so nothing escapes its error boundary; a malformed post is answered 4xx, never 500 (a 500
 * only if the bot itself fails to take a good update, so that Telegram retries it).
 * @example startHttpServer({ …, webhook: createWebhookHandler({ path: '/telegram', secretToken, handleUpdate, logger }) })
 */
export function createWebhookHandler(options: WebhookOptions): WebhookHandler {
  const maxBytes = options.maxBytes ?? MAX_UPDATE_BYTES;
  return async (req, res, next) => {
    if ((req.url ?? '/').split('?')[0] !== options.path) return next();
    if (req.method !== 'POST') return answer(res, 405, 'method not allowed', { allow: 'POST' });
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], options.secretToken)) {
      options.logger.debug('Refused a webhook post without the secret token.');
      return answer(res, 403, 'forbidden', { connection: 'close' });
    }
    if (options.accepting?.() === false) {
      res.once('finish', () => req.destroy());
      return answer(res, 503, 'stopping: deliver it again', {
        'retry-after': String(RETRY_AFTER_SECONDS),
        connection: 'close',
      });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > maxBytes ? 'too-large' : await readBody(req, maxBytes);
    if (body === 'too-large') {
      options.logger.warn({ maxBytes }, 'Refused a webhook post larger than an update can be.');
      res.once('finish', () => req.destroy());
      return answer(res, 413, `an update is at most ${maxBytes} bytes`, { connection: 'close' });
    }
    const update = parseUpdate(body);
    if (typeof update === 'string') {
      options.logger.warn({ reason: update }, 'Refused a malformed webhook post.');
      return answer(res, 400, update);
    }
    try {
      await options.handleUpdate(update);
    } catch (err) {
      // Only a bug can land here (the bot's own errors stay behind its boundary); Telegram will retry.
      options.logger.error({ err, updateId: update.update_id }, 'The bot could not take a webhook update');
      return answer(res, 500, 'not taken');
    }
    answer(res, 200, 'ok');
  };
}
