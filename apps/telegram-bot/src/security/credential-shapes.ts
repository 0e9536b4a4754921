import { looksLikeAuthorizationHeader } from '../input/setup-answers';

/** A kind of secret the bot recognises in a message. */
export type CredentialShape = 'plume-header' | 'client-credentials' | 'jwt' | 'bearer-token' | 'bot-token';

/** Standard base64 of at least 12 characters (9 bytes), padded to a multiple of 4. */
const BASE64_WORD = /^[A-Za-z0-9+/]{12,}={0,2}$/;
/** What the base64 of `client-id:client-secret` decodes to: printable ASCII on both sides of a colon. */
const CLIENT_CREDENTIALS = /^[\x21-\x39\x3B-\x7E]{3,}:[\x20-\x7E]{6,}$/;
/** A JSON Web Token: base64url header (`{"` encodes as `eyJ`) and payload, and a signature. */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;
/** `Bearer` and a token of at least 16 characters. */
const BEARER = /\bbearer:?\s+[A-Za-z0-9\-._~+/]{16,}=*/i;
/** A Telegram bot token: the bot's id, a colon and 35 characters (BotFather's form). */
const BOT_TOKEN = /(?<![\w:])\d{6,12}:[A-Za-z0-9_-]{30,}(?![\w-])/;

/** Words of `text` that could be base64, stripped of the punctuation a sentence puts around them. */
function words(text: string): string[] {
  return text.split(/[\s"'“”‘’()<>[\]{},;]+/).map((word) => word.replace(/[.!?:]+$/, ''));
}

const decodesToClientCredentials = (word: string) =>
  word.length % 4 === 0 &&
  BASE64_WORD.test(word) &&
  CLIENT_CREDENTIALS.test(Buffer.from(word, 'base64').toString('latin1'));

/**
 * The first secret `text` holds, or undefined: a Plume authorization header (`Basic …`), the bare
 * base64 of `client-id:client-secret` (the header without its `Basic `), a JWT, a `Bearer` token
 * or a Telegram bot token. Ordinary words, emails, ids and URLs without a token are not secrets.
 * @example findCredentialShape('my key is Y2xpZW50LWlkOnMzY3IzdA==') // 'client-credentials'
 */
export function findCredentialShape(text: string): CredentialShape | undefined {
  if (text === '') return undefined;
  if (looksLikeAuthorizationHeader(text)) return 'plume-header';
  if (JWT.test(text)) return 'jwt';
  if (BEARER.test(text)) return 'bearer-token';
  if (BOT_TOKEN.test(text)) return 'bot-token';
  if (words(text).some(decodesToClientCredentials)) return 'client-credentials';
  return undefined;
}

const WHAT: Record<CredentialShape, string> = {
  'plume-header': 'a Plume authorization header',
  'client-credentials': 'a Plume client id and secret (the base64 of an authorization header)',
  jwt: 'an access token (a JWT)',
  'bearer-token': 'a bearer token',
  'bot-token': 'a Telegram bot token',
};

const WHERE: Record<CredentialShape, string> = {
  'plume-header': 'It belongs only in step 1 of /setup, in a private chat with me.',
  'client-credentials':
    'Your authorization header (“Basic …”) belongs only in step 1 of /setup, in a private chat with me.',
  jwt: 'I never need one: /setup asks for your authorization header, in a private chat with me.',
  'bearer-token': 'I never need one: /setup asks for your authorization header, in a private chat with me.',
  'bot-token': 'I never need one; if others saw it, revoke it with @BotFather.',
};

/**
 * What a person is told after a message holding a secret was deleted (or could not be).
 * @example credentialNotice('jwt', true) // 'That looked like an access token (a JWT), so I deleted…'
 */
export function credentialNotice(shape: CredentialShape, deleted: boolean): string {
  const what = WHAT[shape];
  return deleted
    ? `That looked like ${what}, so I deleted your message: it is a password and must not stay in a chat. I did not use it. ${WHERE[shape]}`
    : `That looked like ${what}, and I could not delete it: please delete it yourself. I did not use it. ${WHERE[shape]}`;
}
