import type { z } from 'zod';
import { compilePath, type PathTemplate } from './encode-path';

/**
 * One GET endpoint, defined once at module load: which base it lives under, its label for errors
 * and events, its path template (split at the placeholders) and the schema its body is parsed with.
 * Calls only fill in the ids, so the hot path builds no template strings or schemas.
 */
export interface GetEndpoint<T> {
  readonly base: 'api' | 'reports';
  /** `GET api/Customers/{customerId}`: the template, never a URL with ids or searched values. */
  readonly label: string;
  readonly path: PathTemplate;
  /** Parses (and normalises) the body, once, at the boundary. */
  readonly schema: z.ZodType<T>;
}

/** Defines a GET endpoint; `template` is the path below the base, e.g. `Customers/{customerId}/locations`. */
export function defineGet<T>(base: 'api' | 'reports', template: string, schema: z.ZodType<T>): GetEndpoint<T> {
  return { base, label: `GET ${base}/${template}`, path: compilePath(template), schema };
}
