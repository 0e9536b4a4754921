import {
  isPlumeError,
  type AnyPlumeError,
  type PlumeAuthError,
  type PlumeRateLimitError,
  type PlumeServerError,
} from '@org/plume-sdk';
import { isQueueBusyError } from '../queue/queue-busy-error';
import { UnreadableStateError } from '../storage/user-store';

/** A failure the user can act on: why it happened and what to do, in one or two sentences. */
export interface KnownFailure {
  /**
   * `plume`: Plume answered with a failure; `busy`: our own queue for the credential is full (Plume
   * is not to blame); `storage`: the user's stored credentials do not decrypt.
   */
  cause: 'plume' | 'busy' | 'storage';
  text: string;
}

const seconds = (ms: number | undefined, fallback: number) => Math.max(1, Math.ceil((ms ?? fallback * 1000) / 1000));

function describeAuth(error: PlumeAuthError): string {
  if (error.oauthCode === 'invalid_client' || error.status === 401) {
    return 'Plume no longer accepts your credentials (they may have been changed or revoked). Run /setup again with the authorization header from the Plume Portal.';
  }
  if (error.oauthCode === 'invalid_scope')
    return 'Plume refused your Partner ID for these credentials. Run /setup again and check the Partner ID.';
  if (error.oauthCode !== undefined)
    return `Plume refused your credentials (${error.oauthCode}). ${error.hint} Then run /setup again.`;
  return 'Plume says this customer or location is not yours to see (403). Check the id, or pick another with /locations.';
}

function describeRateLimit(error: PlumeRateLimitError): string {
  if (error.source === 'waf') {
    // The WAF counts calls over a rolling 5 minutes: without Retry-After, a full window is the safe wait.
    return `Plume is rate limiting this bot (its firewall allows 2,000 calls in 5 minutes). Retry in ${seconds(error.retryAfterMs, 300)} s.`;
  }
  return `Plume is rate limiting requests. Retry in ${seconds(error.retryAfterMs, 30)} s.`;
}

function describeServer(error: PlumeServerError): string {
  const when =
    error.retryAfterMs === undefined
      ? 'Try again in a minute.'
      : `Plume asked to retry in ${seconds(error.retryAfterMs, 60)} s.`;
  return `Plume's servers are having trouble (HTTP ${error.status ?? '5xx'}). ${when}`;
}

/** One message per kind; `code` narrows each error to its class, and a new kind fails to compile here. */
function messageFor(error: AnyPlumeError): string {
  switch (error.code) {
    case 'auth':
      return describeAuth(error);
    case 'rate_limited':
      return describeRateLimit(error);
    case 'not_found':
      return 'Plume does not know this customer or location (404). Check the id, or pick another with /locations.';
    case 'server':
      return describeServer(error);
    case 'timeout':
      return 'Plume is taking too long to answer. Try again in a minute.';
    case 'network':
      return 'Plume is unreachable right now. Try again in a few minutes; if it lasts, check the cloud URLs with /setup.';
    case 'response':
      return `Plume sent data I could not read (at ${error.path}). Try again later; if it lasts, tell the bot's operator.`;
    case 'http':
      return `Plume refused the request (HTTP ${error.status ?? '?'}). Check the id and try again.`;
    case 'invalid_argument':
      return 'That id cannot be used: check it and try again.';
    case 'config':
      return 'Your stored Plume settings are not valid any more. Run /setup again.';
  }
}

const UNREADABLE =
  "I cannot decrypt your stored credentials (damaged, or sealed with another key), so I left them untouched: nothing is lost if the bot's operator can repair them. Tell the operator, or /logout to erase them and then /setup again.";

/**
 * The message for a known failure (any Plume error, a full queue, credentials that do not
 * decrypt), or undefined for a bug. A full queue is ours: it is never described as Plume being slow.
 */
export function describeError(error: unknown): KnownFailure | undefined {
  if (error instanceof UnreadableStateError) return { cause: 'storage', text: UNREADABLE };
  if (isQueueBusyError(error)) {
    const retry = seconds(error.retryAfterMs, 1);
    return {
      cause: 'busy',
      text: `This Plume account is busy with other people's requests right now: try again in ${retry} s.`,
    };
  }
  if (!isPlumeError(error)) return undefined;
  return { cause: 'plume', text: messageFor(error) };
}

/** Why /setup could not verify the credentials: bad client, bad scope or partner, or unreachable. */
export function describeSetupFailure(error: unknown): string {
  if (!isPlumeError(error)) return 'Something went wrong while checking these credentials.';
  if (error.code === 'auth') {
    const auth = error;
    if (auth.oauthCode === 'invalid_client')
      return 'Plume refused the authorization header (invalid_client): copy the whole “Basic …” value from the Plume Portal again.';
    if (auth.oauthCode === 'invalid_scope')
      return 'Plume accepted the header but not the Partner ID (invalid_scope): check the Partner ID, and that this client may act for that partner.';
    return `Plume refused these credentials${auth.oauthCode ? ` (${auth.oauthCode})` : ''}. ${auth.hint}`;
  }
  if (error.code === 'network' || error.code === 'timeout') {
    return "I could not reach Plume's token server. If your partner account is on another Plume cloud, choose “Another Plume cloud” and give its URLs; otherwise try again later.";
  }
  if (error.code === 'config') return 'These settings are not valid (check the URLs).';
  return describeError(error)?.text ?? 'Plume did not accept these credentials.';
}
