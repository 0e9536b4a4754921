import { Writable } from 'node:stream';
import { createLogger, type LogFormat, type Logger } from '../logger';

/** A logger whose lines (JSON unless `format` says otherwise) are kept in memory, for tests that read what was logged. */
export function captureLogger(options: { level?: string; secrets?: string[]; format?: LogFormat } = {}): {
  logger: Logger;
  lines: () => string[];
} {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({
    level: options.level ?? 'debug',
    destination,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.format ? { format: options.format } : {}),
  });
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean) };
}
