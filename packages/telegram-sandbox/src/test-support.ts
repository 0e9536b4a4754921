import type { Sandbox } from './sandbox';
import type { TelegramResponse } from './types';

/**
 * Calls a Bot API method of a sandbox with a JSON body, as a bot would; for the package's tests.
 * Resolves with Telegram's envelope plus the HTTP status.
 */
export async function callApi<T = unknown>(
  sandbox: Pick<Sandbox, 'apiRoot' | 'token'>,
  method: string,
  params: Record<string, unknown> = {},
  token: string = sandbox.token,
): Promise<TelegramResponse<T> & { status: number }> {
  const response = await fetch(`${sandbox.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as TelegramResponse<T>;
  return { ...body, status: response.status };
}

/** The `result` of a call that must succeed, or an error showing Telegram's description. */
export async function callOk<T = unknown>(
  sandbox: Pick<Sandbox, 'apiRoot' | 'token'>,
  method: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  const reply = await callApi<T>(sandbox, method, params);
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error_code} ${reply.description}`);
  return reply.result;
}
