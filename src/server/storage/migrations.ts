import type { Sql, Storage } from "./port.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Append-only: a released migration is never edited, a change is a new version. Every
 * migration runs on PGlite and PostgreSQL alike, so only plain PostgreSQL 15 SQL belongs here.
 * Times are bigint milliseconds since the epoch, like the API.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "events, keys, passes, items, devices, entries",
    sql: `
CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

-- roster_version is the per-event change counter of the roster cursor (see domain/roster.ts).
CREATE TABLE events (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  starts_at      bigint NOT NULL,
  ends_at        bigint NOT NULL,
  capacity       integer,
  created_at     bigint NOT NULL,
  roster_version bigint NOT NULL DEFAULT 0
);

CREATE TABLE event_keys (
  event_id   text NOT NULL REFERENCES events(id),
  kid        text NOT NULL,
  public_key text NOT NULL,
  secret_key text NOT NULL,
  created_at bigint NOT NULL,
  retired_at bigint,
  version    bigint NOT NULL,
  PRIMARY KEY (event_id, kid)
);

CREATE TABLE passes (
  event_id      text NOT NULL REFERENCES events(id),
  id            text NOT NULL,
  holder        text NOT NULL,
  tier          text NOT NULL,
  valid_from    bigint,
  valid_until   bigint,
  entitlements  jsonb NOT NULL DEFAULT '{}'::jsonb,
  kid           text NOT NULL,
  code          text NOT NULL,
  created_at    bigint NOT NULL,
  revoked_at    bigint,
  revoke_reason text,
  version       bigint NOT NULL,
  PRIMARY KEY (event_id, id)
);
CREATE INDEX passes_by_version ON passes (event_id, version, id);

CREATE TABLE items (
  event_id    text NOT NULL REFERENCES events(id),
  sku         text NOT NULL,
  name        text NOT NULL,
  price_cents integer NOT NULL,
  stock       integer NOT NULL,
  version     bigint NOT NULL,
  PRIMARY KEY (event_id, sku)
);

CREATE TABLE devices (
  id              text PRIMARY KEY,
  event_id        text NOT NULL REFERENCES events(id),
  role            text NOT NULL,
  label           text NOT NULL,
  token_hash      text NOT NULL UNIQUE,
  created_at      bigint NOT NULL,
  revoked_at      bigint,
  -- highest seq below which every seq is stored: what push acknowledges and pull serves
  contiguous_seq  integer NOT NULL DEFAULT 0,
  max_seq         integer NOT NULL DEFAULT 0,
  held_count      integer NOT NULL DEFAULT 0,
  last_sync_at    bigint,
  clock_offset_ms bigint
);
CREATE INDEX devices_by_event ON devices (event_id);

CREATE TABLE enrollments (
  code_hash  text PRIMARY KEY,
  event_id   text NOT NULL REFERENCES events(id),
  role       text NOT NULL,
  label      text,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at    bigint,
  device_id  text
);

-- body is the entry exactly as validated, kept whole so a retry can be compared field by field.
CREATE TABLE entries (
  event_id    text NOT NULL REFERENCES events(id),
  device_id   text NOT NULL REFERENCES devices(id),
  seq         integer NOT NULL,
  id          text NOT NULL,
  type        text NOT NULL,
  at          bigint NOT NULL,
  pass_id     text,
  body        jsonb NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (event_id, device_id, seq)
);
CREATE UNIQUE INDEX entries_id ON entries (event_id, id);
CREATE INDEX entries_by_pass ON entries (event_id, pass_id);
`,
  },
  {
    version: 2,
    name: "entries without per-row foreign key checks",
    // Ingest speed: the foreign keys' per-row triggers cost about a fifth of a push's CPU on
    // PGlite. They guard nothing the push path does not already: it inserts only under a lock on
    // the device's row, which names the event, and devices and events are never deleted.
    sql: `
ALTER TABLE entries DROP CONSTRAINT entries_event_id_fkey;
ALTER TABLE entries DROP CONSTRAINT entries_device_id_fkey;
`,
  },
];

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 4_711_000_001;

/**
 * Applies pending migrations in one transaction under an advisory lock, so two processes
 * starting together on one PostgreSQL take turns: the second waits, then finds nothing to do.
 * The transaction-scoped lock is released by COMMIT or ROLLBACK, so a crash cannot leave it held,
 * and PostgreSQL's transactional DDL means a failed migration leaves no half-made schema.
 */
export async function migrate(storage: Storage, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return storage.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`);
    const done = new Set((await tx.query<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await execScript(tx, m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [m.version, m.name, Date.now()]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** Extended-protocol queries take one statement each; migrations are split on top-level semicolons. */
async function execScript(tx: Sql, script: string): Promise<void> {
  const statements = script
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.length > 0);
  for (const s of statements) await tx.query(s);
}
