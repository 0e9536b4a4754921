import { Buffer } from 'node:buffer';
import { parseBody } from '../http/body';
import type { TelegramUpdate } from '../types';
import type { BotRecord, WebhookState } from '../world/bots';
import type { World } from '../world/world';
import { WebhookLanes } from './webhook-lanes';

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

/**
 * Starts POSTing a bot's updates to its webhook, as JSON with `X-Telegram-Bot-Api-Secret-Token`
 * when set: up to `maxConnections` posts at once, as Telegram does, but one at a time per lane
 * (`laneOf`: a chat's messages in order; a user's button presses in order), so a chat's next
 * update waits for the answer to its previous one while other chats go ahead. A 2xx answer
 * confirms the update and may carry a method call in its body; anything else is recorded
 * (getWebhookInfo's `last_error_message`) and the lane tries again after a growing delay (up to
 * 2 s), holding only its own updates back.
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
  const lanes = new WebhookLanes(settings.maxConnections);
  /** Ends the loop's wait early: a post ended, so a lane (and a connection) may be free. */
  let nudge = new AbortController();

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
      bot.queue.remove(update.update_id);
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

  const post = async (update: TelegramUpdate) => {
    const ok = await deliver(update);
    lanes.done(update, ok, Date.now());
    nudge.abort();
  };

  const loop = async () => {
    while (!controller.signal.aborted) {
      for (const update of lanes.take(bot.queue.peek(bot.queue.size), Date.now())) void post(update);
      await bot.queue.waitForPush(
        lanes.nextRetryIn(Date.now()) ?? 60_000,
        AbortSignal.any([controller.signal, nudge.signal]),
      );
      nudge = new AbortController();
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
