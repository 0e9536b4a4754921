/**
 * Errors the sandbox throws to its caller (a test, a script). Failures of Bot API calls are not
 * thrown here: they travel to the bot as Telegram error envelopes (see `api/api-error.ts`).
 */

/** What went wrong, for `switch`es and assertions. */
export type SandboxErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_INPUT'
  | 'TIMEOUT'
  | 'BUTTON_NOT_FOUND'
  | 'MESSAGE_NOT_FOUND'
  | 'FILE_NOT_FOUND'
  | 'NOT_A_MEMBER'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_BOT'
  | 'NOT_STARTED'
  | 'CLOSED';

/**
 * The base of every error the sandbox throws. Messages say what was attempted and how to fix it.
 *
 * @example
 * ```ts
 * try { await user.press('WAN'); } catch (error) { if (isSandboxError(error)) console.log(error.code); }
 * ```
 */
export class SandboxError extends Error {
  override name = 'SandboxError';
  /** A stable discriminant. */
  readonly code: SandboxErrorCode;

  constructor(code: SandboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** Brand that survives realms and bundling (checked by {@link isSandboxError}). */
  get isSandboxError(): true {
    return true;
  }
}

/**
 * A wait (`lastMessage`, `waitForMessage`, `waitForBot`, a callback answer) ran out of time.
 * The message names what was awaited and shows the chat as it stands, so a failing test explains
 * itself without a debugger.
 */
export class SandboxTimeoutError extends SandboxError {
  override name = 'SandboxTimeoutError';
  /** What was awaited, e.g. `a message from the bot after "/status"`. */
  readonly awaited: string;
  /** How long the wait lasted, in milliseconds. */
  readonly timeoutMs: number;

  constructor(awaited: string, timeoutMs: number, details: string) {
    super('TIMEOUT', `Timed out after ${timeoutMs} ms waiting for ${awaited}.${details ? `\n${details}` : ''}`);
    this.awaited = awaited;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Whether `value` is a {@link SandboxError} (also across bundled copies of this package).
 *
 * @example
 * ```ts
 * expect(isSandboxError(error) && error.code).toBe('TIMEOUT');
 * ```
 */
export function isSandboxError(value: unknown): value is SandboxError {
  return (
    value instanceof SandboxError ||
    (value instanceof Error && (value as Partial<SandboxError>).isSandboxError === true)
  );
}
