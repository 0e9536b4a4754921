import { z } from 'zod';
import type { PlanSpeed } from '../storage/plan-speed';

/** The fastest plan speed accepted, Mbps (a typo such as 5000000 is refused, not stored). */
export const MAX_PLAN_MBPS = 100_000;

const AUTO = /^(auto|off|none|clear|speed ?test|-)$/i;
const NUMBER = String.raw`(\d+(?:[.,]\d+)?)\s*(?:mbps|mbit\/?s|mb\/s|m)?`;
const PAIR = new RegExp(String.raw`^${NUMBER}\s*(?:\/|,|\s|x|\|)\s*${NUMBER}$`, 'i');

const HOW = 'Send download/upload in Mbps, e.g. 500/50, or auto to use the latest speed test.';

/**
 * A typed plan speed: `500/50` (download/upload, Mbps; `500 / 50`, `500 50`, `500Mbps/50Mbps` and a
 * decimal comma also read), or `auto` (no plan: the latest speed test stands in), read as `null`.
 * The message of a failure is the reason shown to the person.
 * @example planSpeedAnswerSchema.parse('500/50') // { downloadMbps: 500, uploadMbps: 50 }
 */
export const planSpeedAnswerSchema = z
  .string()
  .trim()
  .max(40, `That is too long for a plan speed. ${HOW}`)
  .transform((text, ctx): PlanSpeed | null => {
    if (AUTO.test(text)) return null;
    const match = PAIR.exec(text);
    if (match === null) {
      const hint = /^\d+(?:[.,]\d+)?\s*(?:mbps)?$/i.test(text) ? ' I need both speeds, download and upload.' : '';
      ctx.addIssue({ code: 'custom', message: `“${text}” is not a plan speed.${hint} ${HOW}` });
      return z.NEVER;
    }
    const [downloadMbps, uploadMbps] = [match[1], match[2]].map((n) => Number((n ?? '').replace(',', '.')));
    for (const speed of [downloadMbps, uploadMbps]) {
      if (speed === undefined || !(speed > 0)) {
        ctx.addIssue({ code: 'custom', message: `Speeds must be above 0 Mbps. ${HOW}` });
        return z.NEVER;
      }
      if (speed > MAX_PLAN_MBPS) {
        ctx.addIssue({
          code: 'custom',
          message: `${speed} Mbps is more than any plan (${MAX_PLAN_MBPS / 1000} Gbps): write the speeds in Mbps, e.g. 1000/100.`,
        });
        return z.NEVER;
      }
    }
    return { downloadMbps: downloadMbps!, uploadMbps: uploadMbps! };
  });
