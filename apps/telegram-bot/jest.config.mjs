import preset from '../../tools/jest/preset.mjs';

// End-to-end tests start a simulator, a Telegram stand-in and the bot: give them room on a busy machine.
// The PostgreSQL store's tests run on a throwaway server that globalSetup starts for the run (and
// globalTeardown stops): see tools/jest/postgres.mjs.
// pg-boss and two of its dependencies ship ES modules only: @swc/jest compiles them like ky.
export default {
  ...preset,
  transformIgnorePatterns: ['/node_modules/(?!(ky|pg-boss|serialize-error|non-error)/)'],
  displayName: 'telegram-bot',
  testTimeout: 60_000,
  // Two test files at once: most of this project's time is spent waiting (real timers, child bot
  // processes, PostgreSQL), and jest's default, the cores less one, runs a single file at a time on
  // a 2-core machine. Two workers halved the suite's time there (568 s to 283 s, same tests passing).
  maxWorkers: 2,
  globalSetup: '../../tools/jest/postgres-setup.mjs',
  globalTeardown: '../../tools/jest/postgres-teardown.mjs',
};
