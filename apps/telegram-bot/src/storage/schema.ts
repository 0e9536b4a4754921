import type { DatabaseSync } from 'node:sqlite';

/**
 * The database's schema, one step per version (`PRAGMA user_version` counts the steps applied).
 * Steps are only ever appended: a database written by an older bot is brought up to date at open,
 * and a step never changes once released. A step must be safe to apply again (`IF NOT EXISTS`): a
 * function where SQL cannot say so, such as adding a column.
 */
const STEPS: ReadonlyArray<string | ((db: DatabaseSync) => void)> = [
  // 1: one row per Telegram user; the strangers refused once (under ALLOWED_USERS).
  `CREATE TABLE IF NOT EXISTS users (
     user_id      INTEGER PRIMARY KEY,
     public_state TEXT    NOT NULL,
     secret_state TEXT,
     updated_at   INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE IF NOT EXISTS refusals (
     user_id    INTEGER PRIMARY KEY,
     refused_at INTEGER NOT NULL
   ) STRICT;`,
  // 2: the update inbox: each accepted update until it is handled, then its id (duplicates are dropped);
  //    and the effects of its handling completed so far, so that resuming it does not repeat them.
  `CREATE TABLE IF NOT EXISTS update_inbox (
     update_id   INTEGER PRIMARY KEY,
     state       TEXT    NOT NULL CHECK (state IN ('pending', 'done')),
     update_body TEXT,
     received_at INTEGER NOT NULL,
     done_at     INTEGER
   ) STRICT;
   CREATE INDEX IF NOT EXISTS update_inbox_done_at ON update_inbox (done_at) WHERE state = 'done';
   CREATE TABLE IF NOT EXISTS update_effects (
     update_id INTEGER NOT NULL,
     position  INTEGER NOT NULL,
     effect    TEXT    NOT NULL,
     result    TEXT    NOT NULL,
     PRIMARY KEY (update_id, position)
   ) STRICT;`,
  // 3: the encryption key check: a known text sealed under the key that seals every row.
  `CREATE TABLE IF NOT EXISTS key_check (
     id         INTEGER PRIMARY KEY CHECK (id = 1),
     sealed     TEXT    NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;`,
  // 4: workspaces: one Plume credential set each (sealed, bound to the workspace), shared by its members.
  //    Everyone stored with sealed state becomes the admin of a one-person workspace with the same id;
  //    its credentials are moved out of their row at the first open with the key (legacy-credentials.ts),
  //    which also drops the workspaces of people who had only begun /setup.
  `CREATE TABLE IF NOT EXISTS workspaces (
     workspace_id INTEGER PRIMARY KEY,
     credentials  TEXT,
     created_at   INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE IF NOT EXISTS members (
     user_id        INTEGER PRIMARY KEY,
     workspace_id   INTEGER NOT NULL REFERENCES workspaces (workspace_id),
     role           TEXT    NOT NULL CHECK (role IN ('viewer', 'support', 'admin')),
     joined_at      INTEGER NOT NULL,
     last_active_at INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX IF NOT EXISTS members_workspace ON members (workspace_id);
   INSERT OR IGNORE INTO workspaces (workspace_id, credentials, created_at)
     SELECT user_id, NULL, updated_at FROM users WHERE secret_state IS NOT NULL;
   INSERT OR IGNORE INTO members (user_id, workspace_id, role, joined_at, last_active_at)
     SELECT user_id, user_id, 'admin', updated_at, updated_at FROM users WHERE secret_state IS NOT NULL;`,
  // 5: each person's alert settings (JSON: time zone, quiet hours, digest hour, reminders), and the
  //    local date of the last daily digest written for them (so a restart never writes a second one);
  //    where a person's alerts go when not to their private chat (a group, a forum topic).
  `CREATE TABLE IF NOT EXISTS alert_settings (
     user_id     INTEGER PRIMARY KEY,
     settings    TEXT    NOT NULL,
     digest_date TEXT,
     updated_at  INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE IF NOT EXISTS alert_routes (
     user_id    INTEGER PRIMARY KEY,
     chat_id    INTEGER NOT NULL,
     thread_id  INTEGER,
     chat_title TEXT    NOT NULL,
     set_at     INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX IF NOT EXISTS alert_routes_chat ON alert_routes (chat_id);`,
  // 6: monitoring. Each location watched by anyone, once per Plume cloud (its poll is shared), with
  //    the alert state of @org/plume-analytics as JSON; who watches what (conditions switched off,
  //    muted until); the fleet state per cloud; incidents; and the notification outbox, each row
  //    written in the transaction of the change that causes it, until the relay has sent it.
  `CREATE TABLE IF NOT EXISTS monitored_locations (
     id            INTEGER PRIMARY KEY,
     cloud         TEXT    NOT NULL,
     customer_id   TEXT    NOT NULL,
     location_id   TEXT    NOT NULL,
     location_name TEXT    NOT NULL,
     customer_name TEXT    NOT NULL,
     alert_state   TEXT,
     checked_at    INTEGER,
     nodes_at      INTEGER,
     created_at    INTEGER NOT NULL,
     UNIQUE (cloud, location_id)
   ) STRICT;
   CREATE TABLE IF NOT EXISTS watches (
     user_id        INTEGER NOT NULL,
     monitored_id   INTEGER NOT NULL REFERENCES monitored_locations (id),
     conditions_off TEXT    NOT NULL DEFAULT '[]',
     muted_until    INTEGER,
     created_at     INTEGER NOT NULL,
     PRIMARY KEY (user_id, monitored_id)
   ) STRICT;
   CREATE INDEX IF NOT EXISTS watches_monitored ON watches (monitored_id);
   CREATE TABLE IF NOT EXISTS monitoring_clouds (
     cloud TEXT PRIMARY KEY,
     state TEXT NOT NULL
   ) STRICT;
   CREATE TABLE IF NOT EXISTS incidents (
     id              INTEGER PRIMARY KEY,
     cloud           TEXT    NOT NULL,
     monitored_id    INTEGER,
     alert_key       TEXT    NOT NULL,
     condition       TEXT    NOT NULL,
     since           TEXT    NOT NULL,
     opened_at       INTEGER NOT NULL,
     resolved_at     INTEGER,
     acknowledged_by INTEGER,
     acknowledged_at INTEGER
   ) STRICT;
   CREATE UNIQUE INDEX IF NOT EXISTS incidents_open ON incidents (cloud, alert_key) WHERE resolved_at IS NULL;
   CREATE TABLE IF NOT EXISTS outbox (
     id              INTEGER PRIMARY KEY,
     user_id         INTEGER NOT NULL,
     kind            TEXT    NOT NULL,
     incident_id     INTEGER,
     body            TEXT    NOT NULL,
     state           TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'paused', 'failed')),
     created_at      INTEGER NOT NULL,
     next_attempt_at INTEGER NOT NULL,
     attempts        INTEGER NOT NULL DEFAULT 0,
     chat_id         INTEGER,
     message_id      INTEGER,
     sent_at         INTEGER,
     error           TEXT
   ) STRICT;
   CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at, id) WHERE state = 'pending';
   CREATE INDEX IF NOT EXISTS outbox_incident ON outbox (incident_id, user_id) WHERE incident_id IS NOT NULL;
   CREATE TABLE IF NOT EXISTS delivery_pauses (
     chat_id   INTEGER PRIMARY KEY,
     paused_at INTEGER NOT NULL,
     reason    TEXT    NOT NULL
   ) STRICT;`,
  // 7: invites to a workspace, single-use, kept only as the hash of their token; and the refused
  //    attempts to use one, per person, for the rate limit on guessing.
  `CREATE TABLE IF NOT EXISTS invites (
     invite_id    INTEGER PRIMARY KEY,
     workspace_id INTEGER NOT NULL,
     role         TEXT    NOT NULL CHECK (role IN ('viewer', 'support', 'admin')),
     token_hash   TEXT    NOT NULL UNIQUE,
     created_by   INTEGER NOT NULL,
     created_at   INTEGER NOT NULL,
     expires_at   INTEGER NOT NULL,
     used_by      INTEGER,
     used_at      INTEGER,
     revoked_at   INTEGER
   ) STRICT;
   CREATE INDEX IF NOT EXISTS invites_workspace ON invites (workspace_id);
   CREATE TABLE IF NOT EXISTS invite_failures (
     user_id INTEGER NOT NULL,
     at      INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX IF NOT EXISTS invite_failures_user ON invite_failures (user_id, at);`,
  // 8: team chats: groups bound to a workspace, where its members use report commands; and the
  //    people refused in one (each is told once).
  `CREATE TABLE IF NOT EXISTS team_chats (
     chat_id      INTEGER PRIMARY KEY,
     workspace_id INTEGER NOT NULL,
     bound_by     INTEGER NOT NULL,
     bound_at     INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE IF NOT EXISTS chat_refusals (
     chat_id INTEGER NOT NULL,
     user_id INTEGER NOT NULL,
     PRIMARY KEY (chat_id, user_id)
   ) STRICT;`,
  // 9: the audit log: append-only (an entry is never changed; only the daily retention deletes),
  //    ids only, with a purpose where a customer's data was looked at.
  `CREATE TABLE IF NOT EXISTS audit_log (
     entry_id     INTEGER PRIMARY KEY,
     at           INTEGER NOT NULL,
     workspace_id INTEGER NOT NULL,
     actor_id     INTEGER NOT NULL,
     action       TEXT    NOT NULL,
     customer_id  TEXT,
     location_id  TEXT,
     subject_id   INTEGER,
     detail       TEXT,
     purpose      TEXT
   ) STRICT;
   CREATE INDEX IF NOT EXISTS audit_log_workspace ON audit_log (workspace_id, entry_id);
   CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
   CREATE TRIGGER IF NOT EXISTS audit_log_append_only BEFORE UPDATE ON audit_log
   BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
  // 10: a member's Telegram display name (first name, @username) for /team: personal data, so a
  //     trigger deletes it with the membership (leaving, removal, /logout).
  `CREATE TABLE IF NOT EXISTS member_names (
     user_id      INTEGER PRIMARY KEY,
     display_name TEXT    NOT NULL
   ) STRICT;
   CREATE TRIGGER IF NOT EXISTS member_names_leave AFTER DELETE ON members
   BEGIN DELETE FROM member_names WHERE user_id = OLD.user_id; END;`,
  // 11: the purpose an agent gave for their lookups of customers' data (/purpose), until it lapses;
  //     it goes with the membership, like the name.
  `CREATE TABLE IF NOT EXISTS member_purposes (
     user_id INTEGER PRIMARY KEY,
     purpose TEXT    NOT NULL,
     until   INTEGER NOT NULL
   ) STRICT;
   CREATE TRIGGER IF NOT EXISTS member_purposes_leave AFTER DELETE ON members
   BEGIN DELETE FROM member_purposes WHERE user_id = OLD.user_id; END;`,
  // 12: per monitored location, the plan speed a watcher set (JSON { downloadMbps, uploadMbps }; the
  //     line's latest speed test stands in without one), and when its WAN stats were last fetched
  //     (at most once per 15 minutes). A table of its own, so the step can run again; its row goes
  //     with the location.
  `CREATE TABLE IF NOT EXISTS monitored_wan (
     monitored_id INTEGER PRIMARY KEY,
     plan_speed   TEXT,
     wan_at       INTEGER
   ) STRICT;
   CREATE TRIGGER IF NOT EXISTS monitored_wan_gone AFTER DELETE ON monitored_locations
   BEGIN DELETE FROM monitored_wan WHERE monitored_id = old.id; END;`,
  // 13: the pod of a pod's incident (its node id and, when Plume gave one, its name), so the daily
  //     digest can say which pod was out; incidents from before this step have none.
  `CREATE TABLE IF NOT EXISTS incident_pods (
     incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
     pod         TEXT    NOT NULL,
     pod_name    TEXT
   ) STRICT;`,
  // 14: a relay's claim of an outbox row (several relays may share the outbox): who holds it and
  //     until when (epoch ms); once the lease runs out, another relay may take the row.
  (db) => {
    const columns = (db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>).map((c) => c.name);
    if (!columns.includes('claimed_by')) db.exec('ALTER TABLE outbox ADD COLUMN claimed_by TEXT');
    if (!columns.includes('lease_until')) db.exec('ALTER TABLE outbox ADD COLUMN lease_until INTEGER');
  },
];

/** The schema version this bot writes. */
export const SCHEMA_VERSION = STEPS.length;

/**
 * Applies the schema steps `db` lacks, in one transaction.
 * @throws {Error} when the database was written by a newer bot (its version is above {@link SCHEMA_VERSION}).
 * @example migrate(new DatabaseSync('bot.sqlite'))
 */
export function migrate(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `The database has schema version ${version}, newer than this bot's ${SCHEMA_VERSION}: run the newer bot, or restore a backup.`,
      );
    }
    for (const step of STEPS.slice(version)) {
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    if (version < SCHEMA_VERSION) db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
