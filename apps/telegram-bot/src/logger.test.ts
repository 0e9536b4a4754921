import { describe, expect, it } from '@jest/globals';
import { chooseLogFormat } from './logger';
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

  it('prints readable lines in the pretty format, redacted as the JSON lines are', () => {
    const { logger, lines } = captureLogger({ secrets: [BOT_TOKEN], format: 'pretty' });
    logger.info(
      { url: `https://api.telegram.org/bot${BOT_TOKEN}/getMe`, authorization: HEADER, chatId: 42 },
      'calling',
    );
    logger.info({ headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig' } }, `got ${HEADER}`);
    logger.error({ err: new Error(`request to /bot${BOT_TOKEN}/sendMessage failed with ${HEADER}`) }, 'failed');
    const text = lines().join('\n');
    expect(lines()[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: calling$/);
    expect(text).toContain('chatId: 42');
    expect(text).toMatch(/ERROR: failed\n\s+err: \{/);
    expect(text).not.toMatch(/^\{/m);
    expect(text).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    expect(text).not.toContain('c2VjcmV0LWNsaWVudDpzZWNyZXQ');
    expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(text).toContain('authorization: "[redacted]"');
    expect(text).toContain('got Basic [redacted]');
    expect(text).toContain('sendMessage failed');
  });
});

describe('chooseLogFormat', () => {
  it('is readable only for the local sandbox on a terminal, JSON lines otherwise', () => {
    expect(chooseLogFormat({ sandbox: true, terminal: true })).toBe('pretty');
    expect(chooseLogFormat({ sandbox: true, terminal: false })).toBe('json');
    expect(chooseLogFormat({ sandbox: false, terminal: true })).toBe('json');
    expect(chooseLogFormat({ sandbox: false, terminal: false })).toBe('json');
  });
});
