import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logger';

/** A logger whose JSON lines are kept in memory, for tests that read what was logged. */
export function captureLogger(options: { level?: string; secrets?: string[] } = {}): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ level: options.level ?? 'debug', secrets: options.secrets, destination });
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean) };
}
