import { z } from 'zod';

/** A line's plan speed in Mbps, as a watcher set it for a monitored location. */
export const planSpeedSchema = z.object({
  downloadMbps: z.number().positive().finite(),
  uploadMbps: z.number().positive().finite(),
});
export type PlanSpeed = z.infer<typeof planSpeedSchema>;

/**
 * The stored plan speed (JSON text), or null when none is set or the text is not one (a damaged
 * value is treated as unset rather than stopping the poll).
 * @example planSpeedOf('{"downloadMbps":500,"uploadMbps":50}') // { downloadMbps: 500, uploadMbps: 50 }
 */
export function planSpeedOf(text: string | null): PlanSpeed | null {
  if (text === null) return null;
  try {
    const parsed = planSpeedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
