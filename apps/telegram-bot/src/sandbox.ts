import { join } from 'node:path';
import { fixtures, startSimulator } from '@org/plume-simulator';
import { startSandbox } from '@org/telegram-sandbox';
import type { Environment } from './environment';

/** The sandbox's check interval for watched locations (unless `WATCH_INTERVAL_SECONDS` says otherwise). */
export const SANDBOX_WATCH_INTERVAL_SECONDS = 20;

export interface SandboxEnvironmentOptions {
  dataDir: string;
  /** Where the banner goes. @default process.stdout */
  write?: (text: string) => void;
}

/**
 * The no-account environment of `npm start`: a simulated Plume cloud and a local Telegram stand-in
 * with a web chat, both on 127.0.0.1. The bot's Plume defaults point at the simulator, so /setup's
 * "public Plume cloud" choice reaches it. State goes to `DATA_DIR/sandbox`, apart from a real bot's.
 */
export async function startSandboxEnvironment(options: SandboxEnvironmentOptions): Promise<Environment> {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const simulator = await startSimulator({ host: '127.0.0.1', port: 0, referenceTime: Date.now() });
  const sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    bots: [
      { token: '1000000001:SANDBOXplumeBotTokenNotSecret00000', username: 'plume_sandbox_bot', firstName: 'Plume Bot' },
    ],
  }).catch(async (error: unknown) => {
    await simulator.close();
    throw error;
  });
  const { customers } = fixtures;
  return {
    token: sandbox.token,
    apiRoot: sandbox.apiRoot,
    plume: { ssoUrl: simulator.ssoUrl, apiBase: simulator.apiBase, reportsBase: simulator.reportsBase },
    dataDir: join(options.dataDir, 'sandbox'),
    freshUpdateIds: true,
    // Short, so that a newcomer watching the flaky location sees an alert and its recovery within minutes.
    watchIntervalSeconds: SANDBOX_WATCH_INTERVAL_SECONDS,
    announce(botUsername) {
      write(
        [
          '',
          `  Plume bot (@${botUsername}) is running in the local sandbox: no Telegram account or Plume credentials needed.`,
          '',
          `  Open the web chat:  ${sandbox.webUrl}`,
          '',
          '  Then send /setup and paste these answers (a simulated Plume cloud; test credentials, not secrets):',
          `    authorization header:  ${simulator.credentials.authorization}`,
          `    Partner ID:            ${simulator.credentials.partnerId}`,
          '    cloud:                 press "Public Plume cloud" (the simulator stands in for it)',
          '',
          `  Customers for /locations: ${customers.ada.email}, ${customers.grace.accountId}, ${customers.chain.name.split(' ')[0]}, ${customers.snake.id}`,
          `  A pod serial works too: ${fixtures.locations.snakeOffice.podSerials[0] ?? ''}. ${customers.flaky.email}'s line drops for 90 s every 5 minutes:`,
          `  pick Flaky Flat in /locations and send /watch to get its alert, then its recovery (checked every ${SANDBOX_WATCH_INTERVAL_SECONDS} s).`,
          `  Plume simulator: ${simulator.url}    Stop with Ctrl+C.`,
          '',
          '',
        ].join('\n'),
      );
    },
    async close() {
      await sandbox.close();
      await simulator.close();
    },
  };
}
