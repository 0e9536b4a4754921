import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import type { TelegramPhotoSize } from '../types';

/** A stored file: uploaded bytes, or a URL the sandbox does not fetch (no network). */
export interface FileRecord {
  fileId: string;
  uniqueId: string;
  kind: 'photo' | 'document';
  path: string;
  size?: number;
  name?: string;
  mime?: string | undefined;
  width: number;
  height: number;
  data?: Buffer;
  url?: string;
}

/** Bytes as an upload arrives in a multipart request. */
export interface Upload {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Width and height of a PNG, GIF or JPEG, or 0×0 when the format is not recognised. */
export function imageSize(data: Buffer): { width: number; height: number } {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && data.toString('latin1', 0, 3) === 'GIF') {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length && data[at] === 0xff) {
      const marker = data[at + 1] as number;
      const length = data.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return { width: 0, height: 0 };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
};

/** The files of one sandbox, by file_id and by download path. */
export class FileStore {
  private readonly byId = new Map<string, FileRecord>();
  private readonly byPath = new Map<string, FileRecord>();
  private counter = 0;

  private add(record: Omit<FileRecord, 'fileId' | 'uniqueId' | 'path'>, extension: string): FileRecord {
    this.counter += 1;
    const prefix = record.kind === 'photo' ? 'AgAC' : 'BQAC';
    const fileId = `${prefix}${randomBytes(12).toString('base64url')}${this.counter}`;
    const uniqueId = `AQAD${randomBytes(6).toString('base64url')}`;
    const path = `${record.kind === 'photo' ? 'photos' : 'documents'}/file_${this.counter}.${extension}`;
    const stored = { ...record, fileId, uniqueId, path };
    this.byId.set(fileId, stored);
    this.byPath.set(path, stored);
    return stored;
  }

  /** Stores uploaded bytes. */
  putUpload(kind: FileRecord['kind'], upload: Upload): FileRecord {
    const extension =
      /\.([A-Za-z0-9]{1,8})$/.exec(upload.filename)?.[1]?.toLowerCase() ?? (kind === 'photo' ? 'jpg' : 'dat');
    const generic = !upload.contentType || upload.contentType === 'application/octet-stream';
    const mime = generic ? (MIME_BY_EXTENSION[extension] ?? 'application/octet-stream') : upload.contentType;
    const size = kind === 'photo' ? imageSize(upload.data) : { width: 0, height: 0 };
    return this.add(
      { kind, data: upload.data, size: upload.data.length, name: upload.filename, mime, ...size },
      extension,
    );
  }

  /** Records a URL the bot sent instead of bytes; the web page shows it as is. */
  putUrl(kind: FileRecord['kind'], url: string): FileRecord {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'file');
    const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? 'dat';
    return this.add({ kind, url, name, mime: MIME_BY_EXTENSION[extension], width: 0, height: 0 }, extension);
  }

  /** A file by its file_id. */
  get(fileId: string): FileRecord | undefined {
    return this.byId.get(fileId);
  }

  /** A file by its download path (getFile's `file_path`). */
  getByPath(path: string): FileRecord | undefined {
    return this.byPath.get(path);
  }
}

/** Public view of a stored photo. */
export function photoSizes(file: FileRecord): TelegramPhotoSize[] {
  return [
    {
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      width: file.width,
      height: file.height,
      ...(file.size === undefined ? {} : { file_size: file.size }),
    },
  ];
}
