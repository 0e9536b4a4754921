import type { z } from 'zod';
import type { TelegramResponse } from '../types';
import type { World } from '../world/world';
import { ERRORS, TelegramApiError, tooManyRequests } from './api-error';
import type { CallLog } from './call-log';
import type { FailureQueue } from './failures';
import { Described, type MethodDefinition, type MethodServices } from './method';
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
  services: MethodServices;
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

/** Builds the dispatcher of one sandbox. */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const byName = new Map(deps.methods.map((method) => [method.name.toLowerCase(), method]));

  return async (token, methodName, params, signal) => {
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
      const result = await method.run(parsed.data, { world: deps.world, bot, services: deps.services, signal });
      reply =
        result instanceof Described
          ? { status: 200, body: { ok: true, result: result.result, description: result.description } }
          : { status: 200, body: { ok: true, result } };
    } catch (error) {
      reply =
        error instanceof TelegramApiError
          ? failure(error)
          : failure(new TelegramApiError(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`));
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
}
