import { randomBytes } from 'node:crypto';

/** A short id that a user can quote and an operator can grep for in the logs. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}
