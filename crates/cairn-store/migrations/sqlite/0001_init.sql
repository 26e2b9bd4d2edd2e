-- Cairn's schema, SQLite dialect. Keep in step with ../postgres/0001_init.sql (same tables,
-- columns, constraints and indexes). Conventions: ids are 16-byte UUID blobs; times are
-- microseconds since the Unix epoch (UTC), so they compare as integers; JSON is TEXT; `seq`
-- (the rowid) orders rows by insertion where a listing needs "newest first".
--
-- The high-volume tables (status_allocations, bulk_rows, credentials, deliveries) carry no
-- foreign keys: on PostgreSQL each check locks the parent row and costs about as much as
-- the insert itself, and Cairn never deletes the rows they point at. Uniqueness is always
-- a constraint.

CREATE TABLE orgs (
    id                 BLOB PRIMARY KEY NOT NULL,
    slug               TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    url                TEXT,
    email              TEXT,
    description        TEXT,
    image_url          TEXT,
    address            TEXT NOT NULL,
    suspension_enabled BOOLEAN NOT NULL,
    created_at         INTEGER NOT NULL
);

CREATE TABLE signing_keys (
    seq                  INTEGER PRIMARY KEY,
    id                   BLOB NOT NULL UNIQUE,
    org_id               BLOB NOT NULL REFERENCES orgs (id),
    public_key_multibase TEXT NOT NULL,
    sealed_seed          BLOB NOT NULL,
    created_at           INTEGER NOT NULL,
    retired_at           INTEGER
);
CREATE INDEX signing_keys_org ON signing_keys (org_id, seq);

CREATE TABLE users (
    id            BLOB PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      BOOLEAN NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE memberships (
    user_id BLOB NOT NULL REFERENCES users (id),
    org_id  BLOB NOT NULL REFERENCES orgs (id),
    role    TEXT NOT NULL CHECK (role IN ('owner', 'issuer', 'reviewer', 'viewer')),
    PRIMARY KEY (user_id, org_id)
) WITHOUT ROWID;

CREATE TABLE api_tokens (
    id         BLOB PRIMARY KEY NOT NULL,
    org_id     BLOB NOT NULL REFERENCES orgs (id),
    user_id    BLOB NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('owner', 'issuer', 'reviewer', 'viewer')),
    created_at INTEGER NOT NULL,
    revoked    BOOLEAN NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE achievements (
    id         BLOB NOT NULL,
    version    INTEGER NOT NULL CHECK (version > 0),
    org_id     BLOB NOT NULL REFERENCES orgs (id),
    definition TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX achievements_org ON achievements (org_id);

CREATE TABLE status_lists (
    seq         INTEGER PRIMARY KEY,
    id          BLOB NOT NULL UNIQUE,
    org_id      BLOB NOT NULL REFERENCES orgs (id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
    bits        BLOB NOT NULL,
    allocated   INTEGER NOT NULL CHECK (allocated >= 0),
    version     INTEGER NOT NULL,
    signed_json TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX status_lists_current ON status_lists (org_id, purpose, seq);

-- One row per allocated index: the primary key is what makes an index unique in its list.
CREATE TABLE status_allocations (
    list_id BLOB NOT NULL,
    idx     INTEGER NOT NULL CHECK (idx >= 0),
    PRIMARY KEY (list_id, idx)
) WITHOUT ROWID;

CREATE TABLE bulk_jobs (
    id             BLOB PRIMARY KEY NOT NULL,
    org_id         BLOB NOT NULL REFERENCES orgs (id),
    achievement_id BLOB NOT NULL,
    created_by     BLOB NOT NULL REFERENCES users (id),
    state          TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled')),
    total          INTEGER NOT NULL,
    issued         INTEGER NOT NULL,
    failed         INTEGER NOT NULL,
    created_at     INTEGER NOT NULL
);

CREATE TABLE bulk_rows (
    job_id       BLOB NOT NULL,
    row_no       INTEGER NOT NULL,
    input        TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('pending', 'issued', 'failed')),
    leased_until INTEGER,
    error        TEXT,
    PRIMARY KEY (job_id, row_no)
) WITHOUT ROWID;
-- Leasing and "is the job done" look only at pending rows.
CREATE INDEX bulk_rows_pending ON bulk_rows (job_id, row_no) WHERE state = 'pending';

CREATE TABLE credentials (
    seq                 INTEGER PRIMARY KEY,
    id                  BLOB NOT NULL UNIQUE,
    org_id              BLOB NOT NULL,
    achievement_id      BLOB NOT NULL,
    achievement_version INTEGER NOT NULL,
    recipient_email     TEXT,
    recipient_did       TEXT,
    recipient_name      TEXT,
    issued_at           INTEGER NOT NULL,
    valid_until         INTEGER,
    revocation_list_id  BLOB NOT NULL,
    revocation_index    INTEGER NOT NULL,
    suspension_list_id  BLOB,
    suspension_index    INTEGER,
    revoked_at          INTEGER,
    revocation_reason   TEXT,
    suspended           BOOLEAN NOT NULL,
    idempotency_key     TEXT,
    job_id              BLOB,
    job_row             INTEGER,
    claim_token_hash    TEXT,
    claimed_at          INTEGER,
    json                TEXT NOT NULL,
    CHECK ((job_id IS NULL) = (job_row IS NULL)),
    CHECK ((suspension_list_id IS NULL) = (suspension_index IS NULL))
);
CREATE UNIQUE INDEX credentials_idempotency ON credentials (org_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX credentials_job_row ON credentials (job_id, job_row) WHERE job_id IS NOT NULL;
CREATE INDEX credentials_org ON credentials (org_id, seq);
CREATE INDEX credentials_achievement ON credentials (achievement_id, achievement_version);
CREATE INDEX credentials_claim ON credentials (claim_token_hash) WHERE claim_token_hash IS NOT NULL;

CREATE TABLE deliveries (
    seq             INTEGER PRIMARY KEY,
    id              BLOB NOT NULL UNIQUE,
    org_id          BLOB NOT NULL,
    credential_id   BLOB NOT NULL,
    to_email        TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT
);
CREATE INDEX deliveries_org ON deliveries (org_id, seq);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
