/**
 * Thrown by a full fair queue (`createFairQueue`): the job would wait longer than the queue allows, so it was
 * refused at once rather than left to wait in vain. The wait is the queue's own (other people's
 * requests ahead), never the service's.
 */
export class QueueBusyError extends Error {
  override readonly name = 'QueueBusyError';
  readonly code = 'queue_busy' as const;

  /**
   * @param retryAfterMs - Roughly when the queue will have room for this job again.
   * @param maxWaitMs - The longest wait the queue accepts.
   */
  constructor(
    readonly retryAfterMs: number,
    readonly maxWaitMs: number,
  ) {
    super(
      `The queue is full (more than ${Math.round(maxWaitMs / 1000)} s of work ahead): try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
    );
  }
}

/** Whether `value` is a {@link QueueBusyError} (also across module copies, by name). */
export function isQueueBusyError(value: unknown): value is QueueBusyError {
  return value instanceof QueueBusyError || (value instanceof Error && value.name === 'QueueBusyError');
}
