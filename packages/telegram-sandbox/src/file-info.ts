import { SandboxError } from './errors';
import type { TelegramMessage } from './types';
import type { FileStore } from './world/files';

/**
 * A file as the sandbox stores it: what a bot sent (sendPhoto, sendDocument, editMessageMedia) or
 * a user uploaded, with its bytes, so a test can check the picture itself.
 */
export interface SandboxFile {
  readonly fileId: string;
  readonly kind: 'photo' | 'document';
  /** The upload's file name, or the last segment of a URL. */
  readonly name?: string;
  readonly mimeType?: string;
  /** Pixel size of a PNG, GIF or JPEG photo; 0 × 0 for other files and for URLs. */
  readonly width: number;
  readonly height: number;
  /** The uploaded bytes; absent for a file sent by URL (the sandbox does not download it). */
  readonly data?: Uint8Array;
  /** The URL of a file sent by URL. */
  readonly url?: string;
}

/**
 * The stored file of a file_id, or of a message's photo (its largest size) or document.
 *
 * @throws {SandboxError} `INVALID_INPUT` for a message with neither; `FILE_NOT_FOUND` for an unknown file_id.
 */
export function fileInfo(files: FileStore, target: string | TelegramMessage): SandboxFile {
  const fileId = typeof target === 'string' ? target : (target.photo?.at(-1)?.file_id ?? target.document?.file_id);
  if (fileId === undefined) {
    throw new SandboxError(
      'INVALID_INPUT',
      `file(): message #${(target as TelegramMessage).message_id} has no photo and no document; pass a message that has one, or a file_id.`,
    );
  }
  const file = files.get(fileId);
  if (file === undefined) {
    throw new SandboxError('FILE_NOT_FOUND', `file(): no file with id ${JSON.stringify(fileId)} in this sandbox.`);
  }
  return {
    fileId: file.fileId,
    kind: file.kind,
    width: file.width,
    height: file.height,
    ...(file.name === undefined ? {} : { name: file.name }),
    ...(file.mime === undefined ? {} : { mimeType: file.mime }),
    ...(file.data === undefined ? {} : { data: new Uint8Array(file.data) }),
    ...(file.url === undefined ? {} : { url: file.url }),
  };
}
