import type { z } from 'zod';
import type { TelegramResponse } from '../types';
import type { World } from '../world/world';
import { WorldError } from '../world/world-error';
import { ERRORS, fromWorldError, TelegramApiError, tooManyRequests } from './api-error';
import type { CallLog } from './call-log';
import type { FailureQueue } from './failures';
import { Described, type MethodDefinition } from './method';
import type { RateLimiter } from './rate-limit';

/** An HTTP status and Telegram's envelope. */
export interface ApiReply {
  status: number;
  body: TelegramResponse;
}

/** Everything the dispatcher consults. */
export interface DispatcherDeps {
  world: World;
  methods: readonly MethodDefinition[];
  failures: FailureQueue;
  log: CallLog;
  rateLimiter: () => RateLimiter | undefined;
}

/** Runs Bot API calls: token check, method lookup, injected failures, validation, rate limit. */
export type Dispatch = (
  token: string,
  method: string,
  params: Record<string, unknown>,
  signal: AbortSignal,
) => Promise<ApiReply>;

function describeIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  if (issue?.message.startsWith('Bad Request:')) return issue.message;
  return `Bad Request: parameter "${issue?.path.join('.') ?? 'unknown'}" is invalid`;
}

function failure(error: TelegramApiError): ApiReply {
  return {
    status: error.errorCode,
    body: {
      ok: false,
      error_code: error.errorCode,
      description: error.description,
      ...(error.parameters ? { parameters: error.parameters } : {}),
    },
  };
}

/** A Bot API error for whatever a method threw: Telegram's own, the world's refusals, or a bug (500). */
function toApiError(error: unknown): TelegramApiError {
  if (error instanceof TelegramApiError) return error;
  if (error instanceof WorldError) return fromWorldError(error);
  return new TelegramApiError(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
}

/** Builds the dispatcher of one sandbox. */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const byName = new Map(deps.methods.map((method) => [method.name.toLowerCase(), method]));

  const dispatch: Dispatch = async (token, methodName, params, signal) => {
    const bot = deps.world.bots.get(token);
    if (!bot) return failure(ERRORS.unauthorized());
    const method = byName.get(methodName.toLowerCase());
    let reply: ApiReply;
    try {
      if (!method) throw ERRORS.notFound();
      const injected = deps.failures.take(method.name);
      if (injected) throw injected;
      const parsed = method.params.safeParse(params);
      if (!parsed.success) throw new TelegramApiError(400, describeIssue(parsed.error));
      const limiter = deps.rateLimiter();
      if (limiter?.appliesTo(method.name, method.limited)) {
        const retryAfter = limiter.take(limiter.keyOf(token, params.chat_id));
        if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
      }
      // A webhook reply runs later, outside this call: it gets a signal of its own.
      const callAsBot = async (method: string, replyParams: Record<string, unknown>) => {
        await dispatch(token, method, replyParams, new AbortController().signal);
      };
      const result = await method.run(parsed.data, { world: deps.world, bot, signal, callAsBot });
      reply =
        result instanceof Described
          ? { status: 200, body: { ok: true, result: result.result, description: result.description } }
          : { status: 200, body: { ok: true, result } };
    } catch (error) {
      reply = failure(toApiError(error));
    }
    deps.log.add({
      method: methodName,
      params,
      ok: reply.body.ok,
      token,
      ...(reply.body.ok ? {} : { errorCode: reply.body.error_code, description: reply.body.description }),
    });
    return reply;
  };
  return dispatch;
}
