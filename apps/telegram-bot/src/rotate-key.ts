import { ConfigError } from './config';
import { createLogger } from './logger';
import { rotateKeyCommand } from './rotate-key-command';
import { EncryptionKeyMismatchError } from './storage/key-check';
import { DatabaseUnavailableError } from './storage/pg-database';
import { RotationError } from './storage/rotate-key';

// `npm run rotate-key` (see the README): stop the bot (every replica), set BOT_ENCRYPTION_KEY (current)
// and BOT_NEW_ENCRYPTION_KEY, and DATABASE_URL when the bot's state is in PostgreSQL.
const logger = createLogger({
  level: 'warn',
  secrets: [process.env.BOT_ENCRYPTION_KEY ?? '', process.env.BOT_NEW_ENCRYPTION_KEY ?? ''],
});
const expected = (error: unknown): error is Error =>
  error instanceof ConfigError ||
  error instanceof EncryptionKeyMismatchError ||
  error instanceof RotationError ||
  error instanceof DatabaseUnavailableError;
rotateKeyCommand(process.env, logger).then(
  (told) => process.stdout.write(`${told}\n`),
  (error: unknown) => {
    if (!expected(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  },
);
