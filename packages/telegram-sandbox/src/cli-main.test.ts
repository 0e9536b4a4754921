import { describe, expect, it } from '@jest/globals';
import { runCli } from './cli-main';
import { callOk } from './test-support';

describe('the telegram-sandbox command', () => {
  it('prints its usage for --help and starts nothing', async () => {
    const lines: string[] = [];
    expect(await runCli(['--help'], { out: (line) => lines.push(line) })).toBeUndefined();
    expect(lines.join('\n')).toContain('Usage: telegram-sandbox [--port 8081]');
  });

  it('starts a sandbox with the given token and prints where to point the bot', async () => {
    const lines: string[] = [];
    const sandbox = await runCli(['--port', '0', '--token', '42:cli-token'], { out: (line) => lines.push(line) });
    try {
      expect(sandbox?.token).toBe('42:cli-token');
      expect(lines).toContain(`  API root:   ${sandbox?.apiRoot}`);
      expect(lines).toContain(`  Web chat:   ${sandbox?.webUrl}`);
      expect(await callOk(sandbox as NonNullable<typeof sandbox>, 'getMe')).toMatchObject({ id: 42 });
    } finally {
      await sandbox?.close();
    }
  });

  it('takes the token from TELEGRAM_SANDBOX_TOKEN and refuses a bad port', async () => {
    const sandbox = await runCli(['-p', '0'], { out: () => undefined, env: { TELEGRAM_SANDBOX_TOKEN: '7:from-env' } });
    await sandbox?.close();
    expect(sandbox?.token).toBe('7:from-env');
    await expect(runCli(['--port', 'http'], { out: () => undefined })).rejects.toThrow(
      '--port must be an integer from 0 to 65535, got "http"',
    );
  });
});
