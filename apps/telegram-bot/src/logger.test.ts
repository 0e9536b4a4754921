import { describe, expect, it } from '@jest/globals';
import { captureLogger } from './testing/capture-logger';

const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const HEADER = 'Basic c2VjcmV0LWNsaWVudDpzZWNyZXQ=';

describe('the logger', () => {
  it('never prints the bot token, an authorization header or a bearer token', () => {
    const { logger, lines } = captureLogger({ secrets: [BOT_TOKEN] });
    logger.info({ url: `https://api.telegram.org/bot${BOT_TOKEN}/getMe`, authorization: HEADER }, 'calling');
    logger.info({ headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig' } }, `got ${HEADER}`);
    logger.error({ err: new Error(`request to /bot${BOT_TOKEN}/sendMessage failed with ${HEADER}`) }, 'failed');
    const text = lines().join('\n');
    expect(lines()).toHaveLength(3);
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    expect(text).not.toContain('c2VjcmV0LWNsaWVudDpzZWNyZXQ');
    expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(text).toContain('[redacted]');
    expect(text).toContain('sendMessage failed');
  });
});
