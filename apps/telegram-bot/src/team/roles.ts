import { z } from 'zod';

/** A member's role in a workspace, from the least to the most trusted. */
export const ROLES = ['viewer', 'support', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * What each role may do, for the messages that refuse the others:
 * viewer: reports and their own watches; support: also the team's watches, alert routing, mutes and
 * acknowledgements; admin: also the credentials, invites, roles, members and the audit log.
 */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'reports and their own watches',
  support: "reports, the team's watches, alert routing, mutes and acknowledgements",
  admin: 'everything, including the Plume credentials, invites, roles and the audit log',
};

/**
 * Whether `role` may do what needs `needed` (roles are ordered: an admin may do what support may).
 * @example allows('support', 'viewer') // true
 */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
