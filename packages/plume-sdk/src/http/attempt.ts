import type { Options as KyOptions } from 'ky';
import { z } from 'zod';
import { schemaError } from './to-plume-error';

/** Each response schema's compiled clone, made on its first parse. */
const compiled = new WeakMap<z.ZodType, z.ZodType>();

/**
 * `schema`, compiled with `z.compile` where zod may generate code (not under `z.config({ jitless: true })`,
 * a strict CSP or Cloudflare Workers, as zod itself decides for its own JIT): the same output and
 * the same issues, several times faster and with far fewer allocations. Compiled on the first
 * parse (a few ms, once per schema), so that importing the SDK costs nothing.
 */
function fast<T>(schema: z.ZodType<T>): z.ZodType<T> {
  let parser = compiled.get(schema);
  if (!parser) {
    parser = z.util.allowsEval.value ? z.compile(schema) : schema;
    compiled.set(schema, parser);
  }
  return parser as z.ZodType<T>;
}

/**
 * Runs one HTTP attempt (request, body read and parse) under its own timeout, with one timer and
 * one `AbortController`, both released when the attempt settles. The caller's signal, when there
 * is one, aborts the attempt too (through a listener removed afterwards, so a long-lived signal
 * collects nothing). The attempt settles when the time is up or the caller aborts even if a custom
 * `fetch` ignores its signal.
 *
 * ky's own `timeout` is off: it arms a timer for the response and another for the body read on
 * every call, and ky combines a signal passed to it with its own through `AbortSignal.any`.
 *
 * @param timedOut - The error to reject with when `timeoutMs` passes; built only then.
 * @returns What `send` resolved to; rejects with `timedOut()` when the time is up, with the
 *   caller's `signal.reason` when they abort, else with what `send` threw.
 */
export function timedAttempt<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  timedOut: () => Error,
  send: (attemptSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const release = (): void => {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    };
    // Released at once, not when `send` settles: a custom fetch that ignores its signal may never settle.
    const stop = (reason: unknown): void => {
      release();
      controller.abort(reason);
      reject(reason);
    };
    const timer = setTimeout(() => stop(timedOut()), timeoutMs);
    const onAbort = signal && ((): void => stop(signal.reason));
    if (onAbort) signal.addEventListener('abort', onAbort, { once: true });
    send(controller.signal).then(
      (value) => {
        release();
        resolve(value);
      },
      (error: unknown) => {
        release();
        // fetch and body reads reject with the abort reason, but a custom fetch may not: the signal says what happened.
        reject(controller.signal.aborted ? controller.signal.reason : error);
      },
    );
  });
}

/**
 * ky's `fetch` option for one attempt: calls `fetchImpl` (else the global `fetch`) with the
 * attempt's signal. Handing the signal to `fetch` directly, rather than to ky, spares ky's
 * `AbortSignal.any` per call; ky's own controller only serves ky's timeouts, which are off.
 */
export function fetchWithSignal(
  fetchImpl: typeof fetch | undefined,
  signal: AbortSignal,
): NonNullable<KyOptions['fetch']> {
  return (input, init) =>
    fetchImpl ? fetchImpl(input, { ...init, signal }) : globalThis.fetch(input, { ...init, signal });
}

/**
 * Reads a 2xx body once and parses it with `schema` (its compiled clone where allowed).
 *
 * @throws {PlumeResponseError} naming `endpoint` and the field paths when the body breaks the schema;
 *   a `SyntaxError` when it is not JSON (mapped by `toPlumeError`).
 */
export async function parseBody<T>(response: Response, schema: z.ZodType<T>, endpoint: string): Promise<T> {
  const parsed = fast(schema).safeParse(await response.json());
  if (parsed.success) return parsed.data;
  throw schemaError(parsed.error.issues, endpoint);
}
