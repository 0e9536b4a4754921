import { Buffer } from 'node:buffer';

/** One Bot API call as the sandbox answered it. */
export interface RecordedCall {
  /** The method as the bot spelled it. */
  method: string;
  /** The parameters as received; uploads appear as `{ upload: filename, size }`. */
  params: Record<string, unknown>;
  ok: boolean;
  /** `error_code` and `description` of a refused call. */
  errorCode?: number;
  description?: string;
  /** The token of the calling bot. */
  token: string;
}

function summarise(value: unknown): unknown {
  if (value && typeof value === 'object' && 'data' in value && Buffer.isBuffer(value.data)) {
    const upload = value as { filename?: string; data: Buffer };
    return { upload: upload.filename ?? 'file', size: upload.data.length };
  }
  return value;
}

/** The calls of one sandbox, oldest first, capped so a long session does not grow without end. */
export class CallLog {
  private readonly entries: RecordedCall[] = [];

  constructor(private readonly capacity = 5000) {}

  add(call: Omit<RecordedCall, 'params'> & { params: Record<string, unknown> }): void {
    const params = Object.fromEntries(Object.entries(call.params).map(([key, value]) => [key, summarise(value)]));
    this.entries.push({ ...call, params });
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  /** Calls, optionally of one method (case-insensitive). */
  list(method?: string): RecordedCall[] {
    const wanted = method?.toLowerCase();
    return this.entries.filter((call) => !wanted || call.method.toLowerCase() === wanted);
  }
}
