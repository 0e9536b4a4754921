import { Buffer } from 'node:buffer';
import { parseBody } from '../http/body';
import type { TelegramUpdate } from '../types';
import type { BotRecord, WebhookState } from '../world/bots';
import type { World } from '../world/world';

/** Runs a method a bot asked for in its webhook response (Telegram's "webhook reply"). */
export type ExecuteReply = (method: string, params: Record<string, unknown>) => Promise<void>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A local bot has no certificate: `https://` to a loopback host is delivered over `http://`. */
export function deliveryUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:' && LOOPBACK.has(parsed.hostname)) parsed.protocol = 'http:';
  return parsed.toString();
}

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'Connection refused';
  if (error instanceof Error && error.name === 'TimeoutError') return 'Read timeout expired';
  return `Failed to connect: ${error instanceof Error ? error.message : String(error)}`;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Starts POSTing a bot's updates to its webhook, one at a time in order, as JSON with
 * `X-Telegram-Bot-Api-Secret-Token` when set. A 2xx answer confirms the update and may carry a
 * method call in its body; anything else is recorded (getWebhookInfo's `last_error_message`) and
 * retried with a growing delay (up to 2 s).
 */
export function startWebhookDelivery(
  world: World,
  bot: BotRecord,
  settings: { url: string; secretToken: string | undefined; maxConnections: number },
  executeReply: ExecuteReply,
): WebhookState {
  const controller = new AbortController();
  const state: WebhookState = { ...settings, stop: () => controller.abort() };
  const target = deliveryUrl(settings.url);

  const deliver = async (update: TelegramUpdate): Promise<boolean> => {
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(settings.secretToken ? { 'x-telegram-bot-api-secret-token': settings.secretToken } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(60_000)]),
      });
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) {
        state.lastErrorDate = world.unixTime();
        state.lastErrorMessage = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
        return false;
      }
      bot.queue.confirm(update.update_id + 1);
      await runReply(response.headers.get('content-type') ?? undefined, body, executeReply);
      return true;
    } catch (error) {
      if (!controller.signal.aborted) {
        state.lastErrorDate = world.unixTime();
        state.lastErrorMessage = describeFailure(error);
      }
      return false;
    }
  };

  const loop = async () => {
    let failures = 0;
    while (!controller.signal.aborted) {
      const [update] = bot.queue.peek(1);
      if (!update) {
        await bot.queue.waitForPush(60_000, controller.signal);
        continue;
      }
      if (await deliver(update)) {
        failures = 0;
      } else {
        failures += 1;
        await sleep(Math.min(2000, 50 * 2 ** failures), controller.signal);
      }
    }
  };
  void loop();
  return state;
}

async function runReply(contentType: string | undefined, body: Buffer, executeReply: ExecuteReply) {
  if (body.length === 0) return;
  let params: Record<string, unknown>;
  try {
    params = parseBody(contentType ?? 'application/json', body);
  } catch {
    return;
  }
  const { method, ...rest } = params;
  if (typeof method === 'string' && method) await executeReply(method, rest).catch(() => undefined);
}
