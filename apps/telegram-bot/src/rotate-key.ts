import { ConfigError } from './config';
import { createLogger } from './logger';
import { rotateKeyCommand } from './rotate-key-command';
import { EncryptionKeyMismatchError } from './storage/key-check';
import { RotationError } from './storage/rotate-key';

// `npm run rotate-key` (see the README): stop the bot, set BOT_ENCRYPTION_KEY (current) and BOT_NEW_ENCRYPTION_KEY.
const logger = createLogger({
  level: 'warn',
  secrets: [process.env.BOT_ENCRYPTION_KEY ?? '', process.env.BOT_NEW_ENCRYPTION_KEY ?? ''],
});
try {
  process.stdout.write(`${rotateKeyCommand(process.env, logger)}\n`);
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof EncryptionKeyMismatchError || error instanceof RotationError))
    throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
