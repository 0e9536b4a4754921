/**
 * A bad setting, thrown by `createConfig` (config.ts) and `parseDatabaseUrl` (database-url.ts):
 * each problem names the variable and says what it must be; values are never echoed.
 * @example new ConfigError(['PORT must be a port number']).message // 'Invalid configuration:\n  - PORT must be a port number'
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
