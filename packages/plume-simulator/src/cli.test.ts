import { describe, expect, it } from '@jest/globals';
import { parseCli, runCli, USAGE } from './cli-main';
import { requestToken } from './test-support';

describe('the plume-simulator command', () => {
  it('prints its URLs and the test credentials, and serves them', async () => {
    const lines: string[] = [];
    const sim = await runCli(['--port', '0', '--latency', '1'], {
      out: (line) => lines.push(line),
      handleSignals: false,
    });
    try {
      expect(sim).toBeDefined();
      const output = lines.join('\n');
      for (const value of [
        sim!.url,
        sim!.ssoUrl,
        sim!.apiBase,
        sim!.reportsBase,
        sim!.credentials.authorization,
        sim!.credentials.partnerId,
      ]) {
        expect(output).toContain(value);
      }
      expect((await requestToken(sim!)).status).toBe(200);
    } finally {
      await sim?.close();
    }
  });

  it('prints one JSON line with --json', async () => {
    const lines: string[] = [];
    const sim = await runCli(['--json', '--no-waf'], { out: (line) => lines.push(line), handleSignals: false });
    try {
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string)).toEqual({
        url: sim!.url,
        ssoUrl: sim!.ssoUrl,
        apiBase: sim!.apiBase,
        reportsBase: sim!.reportsBase,
        credentials: sim!.credentials,
      });
    } finally {
      await sim?.close();
    }
  });

  it('prints the usage for --help and starts nothing', async () => {
    const lines: string[] = [];
    expect(await runCli(['--help'], { out: (line) => lines.push(line), handleSignals: false })).toBeUndefined();
    expect(lines).toEqual([USAGE]);
  });

  it('maps flags to options and refuses bad ones', () => {
    expect(
      parseCli(['--port', '4010', '--token-lifetime', '60', '--no-waf', '--reference-time', '2030-01-01T00:00:00Z']),
    ).toEqual({
      json: false,
      options: expect.objectContaining({
        port: 4010,
        tokenLifetimeSeconds: 60,
        wafLimit: false,
        referenceTime: '2030-01-01T00:00:00Z',
      }),
    });
    expect(() => parseCli(['--port', 'abc'])).toThrow(/--port must be an integer/);
    expect(() => parseCli(['--bogus'])).toThrow(/Unknown option '--bogus'/);
  });
});
