import type { Role } from '../team/roles';
import type { Credentials } from './user-state';

/** Which workspace a person belongs to, and as what. */
export interface Membership {
  workspaceId: number;
  role: Role;
}

/** A member as /team lists them. */
export interface Member {
  userId: number;
  role: Role;
  joinedAt: number;
  lastActiveAt: number;
  /**
   * Their Telegram display name as last seen when they joined or acted (first name, @username),
   * raw: echo it. Null until then. Personal data: it goes with the member's row.
   */
  displayName: string | null;
}

/** How a change to a membership went: `last-admin` when it would leave the workspace without an admin. */
export type MemberChange = 'done' | 'last-admin' | 'not-member';

/**
 * Workspaces and their members. A workspace owns one Plume credential set, set up by an admin with
 * /setup and shared by its members; a person belongs to at most one workspace. Results are plain
 * JSON (null for "none"), so an update's journal can record and replay them.
 */
export interface WorkspaceStore {
  /** The person's workspace and role, or null. */
  membership(userId: number): Promise<Membership | null>;
  /** The workspace's credentials, or null when it has none (it no longer exists). */
  credentials(workspaceId: number): Promise<Credentials | null>;
  /**
   * Stores verified credentials for the person's workspace; someone in no workspace becomes the
   * admin of a new one-person workspace. The caller checks that a member is an admin.
   */
  saveCredentials(userId: number, credentials: Credentials): Promise<{ workspaceId: number; created: boolean }>;
  /** The workspace's members, admins first, then by joining time. */
  members(workspaceId: number): Promise<Member[]>;
  /** Gives a member another role; never demotes the last admin. */
  setRole(workspaceId: number, userId: number, role: Role): Promise<MemberChange>;
  /** Removes a member (removed by an admin, or leaving); never the last admin of a workspace with others. */
  removeMember(workspaceId: number, userId: number): Promise<MemberChange>;
  /**
   * Deletes a workspace whose only member is `userId`, with its credentials; false when others are
   * in it. (What /logout does for someone working alone.)
   */
  dissolve(workspaceId: number, userId: number): Promise<boolean>;
  /**
   * Records that the member used the bot now (the "last activity" /team shows) and, when given,
   * the Telegram display name they had then (written only when it changed).
   */
  noteActivity(userId: number, displayName?: string): Promise<void>;
}

/** An invite not yet used, revoked or expired, as /invites lists it (never its token). */
export interface OpenInvite {
  inviteId: number;
  role: Role;
  createdBy: number;
  expiresAt: number;
}

/** What opening an invite did: joined, or why not (the person is told one sentence for all of these). */
export type Redeemed =
  | { outcome: 'joined'; workspaceId: number; role: Role; inviteId: number; createdBy: number }
  | { outcome: 'unknown' | 'expired' | 'used' | 'revoked' }
  | { outcome: 'member' };

/** Single-use invites, stored only as the hash of their token. */
export interface InviteStore {
  /** Stores a new invite of `workspaceId` for `role`, valid until `expiresAt` (ms). Returns its id. */
  createInvite(
    workspaceId: number,
    role: Role,
    createdBy: number,
    tokenHash: string,
    expiresAt: number,
  ): Promise<number>;
  /** The workspace's invites still open at `now`, newest first. */
  openInvites(workspaceId: number, now: number): Promise<OpenInvite[]>;
  /** Revokes an open invite of the workspace; false when there is none by that id (or it was used). */
  revokeInvite(workspaceId: number, inviteId: number, now: number): Promise<boolean>;
  /**
   * Revokes the invite whose token hashes to `tokenHash` (pasted where it should not be), whatever
   * its workspace. Returns its id and workspace, or null when there is no such open invite.
   */
  revokeByToken(tokenHash: string, now: number): Promise<{ inviteId: number; workspaceId: number } | null>;
  /**
   * Uses the invite whose token hashes to `tokenHash`: `userId` joins its workspace with its role,
   * atomically, once. Someone already in a workspace does not use it up.
   */
  redeemInvite(tokenHash: string, userId: number, now: number): Promise<Redeemed>;
  /** Notes a refused invite (a forged, used or expired token) by `userId`, for the rate limit. */
  noteInviteFailure(userId: number, now: number): Promise<void>;
  /** How many invites `userId` had refused since `since` (ms). */
  inviteFailures(userId: number, since: number): Promise<number>;
}

/** Which groups are a workspace's team chats, and the strangers refused in them. */
export interface ChatStore {
  /** Makes `chatId` a team chat of the workspace (replacing another binding of that chat). */
  bindChat(chatId: number, workspaceId: number, boundBy: number, now: number): Promise<void>;
  /** Unbinds `chatId` from the workspace; false when it was not its team chat. */
  unbindChat(chatId: number, workspaceId: number): Promise<boolean>;
  /** The workspace whose team chat `chatId` is, or null. */
  chatWorkspace(chatId: number): Promise<number | null>;
  /** Notes that `userId` was refused in `chatId`: true only the first time, so each is told once. */
  noteChatRefusal(chatId: number, userId: number): Promise<boolean>;
}

/** What the audit log records: each a dotted name, stable (the CSV export and filters use them). */
export const AUDIT_ACTIONS = [
  'report.viewed',
  'customer.searched',
  'watch.added',
  'watch.muted',
  'watch.removed',
  'member.invited',
  'member.joined',
  'member.removed',
  'member.role',
  'member.left',
  'invite.revoked',
  'credentials.changed',
  'chat.bound',
  'chat.unbound',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One entry of the audit log: ids only, never names or payloads. `purpose` is set where a
 * customer's data was looked at; `subjectId` is the member or chat an action was about; `detail` a
 * role or an invite number.
 */
export interface AuditEntry {
  entryId: number;
  at: number;
  workspaceId: number;
  actorId: number;
  action: AuditAction;
  customerId: string | null;
  locationId: string | null;
  subjectId: number | null;
  detail: string | null;
  purpose: string | null;
}

/** What /audit filters by. */
export interface AuditFilter {
  actorId?: number | undefined;
  customerId?: string | undefined;
  action?: AuditAction | undefined;
}

/** The append-only audit log (entries older than the retention are purged daily). */
export interface AuditStore {
  /** Appends an entry, stamped with the store's clock. */
  audit(
    entry: Pick<AuditEntry, 'workspaceId' | 'actorId' | 'action'> &
      Partial<Pick<AuditEntry, 'customerId' | 'locationId' | 'subjectId' | 'detail' | 'purpose'>>,
  ): Promise<void>;
  /** The workspace's latest entries matching `filter`, newest first, at most `limit`. */
  auditEntries(workspaceId: number, filter: AuditFilter, limit: number): Promise<AuditEntry[]>;
  /** When and why the workspace looked at a customer's data, oldest first, without who did. */
  customerLookups(workspaceId: number, customerId: string): Promise<Array<{ at: number; purpose: string }>>;
  /** Deletes the entries older than `before` (ms); returns how many. */
  purgeAudit(before: number): Promise<number>;
}

/** The purposes agents give for their lookups of customers' data (/purpose), each until it lapses. */
export interface PurposeStore {
  /** Sets the member's purpose until `until` (ms); false when they are in no workspace. */
  setPurpose(userId: number, purpose: string, until: number): Promise<boolean>;
  /** Ends the member's purpose; false when they had none. */
  clearPurpose(userId: number): Promise<boolean>;
  /** The member's purpose and until when, while it holds (by the store's clock), or null. */
  purpose(userId: number): Promise<{ purpose: string; until: number } | null>;
}

/** Everything the bot stores about teams, behind one interface (the embedded one is SQLite). */
export type TeamStore = WorkspaceStore &
  InviteStore &
  ChatStore &
  AuditStore &
  PurposeStore & {
    close(): Promise<void>;
  };
