import type { Role } from '../team/roles';
import type { Credentials } from './user-state';

/** Which workspace a person belongs to, and as what. */
export interface Membership {
  workspaceId: number;
  role: Role;
}

/** A member as /team lists them (ids only: names come from Telegram, never from storage). */
export interface Member {
  userId: number;
  role: Role;
  joinedAt: number;
  lastActiveAt: number;
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
  /** Records that the member used the bot now (the "last activity" /team shows). */
  noteActivity(userId: number): Promise<void>;
}

/** Everything the bot stores about teams, behind one interface (the embedded one is SQLite). */
export type TeamStore = WorkspaceStore & {
  close(): Promise<void>;
};
