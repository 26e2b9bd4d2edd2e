-- Cairn's schema, PostgreSQL dialect. Keep in step with ../sqlite/0001_init.sql (same tables,
-- columns, constraints and indexes). Conventions: ids are UUIDs; times are TIMESTAMPTZ
-- (microsecond precision, as in SQLite); JSON is TEXT (stored and served byte for byte);
-- `seq` orders rows by insertion where a listing needs "newest first".
--
-- The high-volume tables (status_allocations, bulk_rows, credentials, deliveries) carry no
-- foreign keys: on PostgreSQL each check locks the parent row and costs about as much as
-- the insert itself, and Cairn never deletes the rows they point at. Uniqueness is always
-- a constraint.

CREATE TABLE orgs (
    id                 UUID PRIMARY KEY,
    slug               TEXT NOT NULL CONSTRAINT orgs_slug_key UNIQUE,
    name               TEXT NOT NULL,
    url                TEXT,
    email              TEXT,
    description        TEXT,
    image_url          TEXT,
    address            TEXT NOT NULL,
    suspension_enabled BOOLEAN NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE signing_keys (
    seq                  BIGINT GENERATED ALWAYS AS IDENTITY,
    id                   UUID PRIMARY KEY,
    org_id               UUID NOT NULL REFERENCES orgs (id),
    public_key_multibase TEXT NOT NULL,
    sealed_seed          BYTEA NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    retired_at           TIMESTAMPTZ
);
CREATE INDEX signing_keys_org ON signing_keys (org_id, seq);

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         TEXT NOT NULL CONSTRAINT users_email_key UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      BOOLEAN NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE memberships (
    user_id UUID NOT NULL REFERENCES users (id),
    org_id  UUID NOT NULL REFERENCES orgs (id),
    role    TEXT NOT NULL CHECK (role IN ('owner', 'issuer', 'reviewer', 'viewer')),
    PRIMARY KEY (user_id, org_id)
);

CREATE TABLE api_tokens (
    id         UUID PRIMARY KEY,
    org_id     UUID NOT NULL REFERENCES orgs (id),
    user_id    UUID NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL CONSTRAINT api_tokens_token_hash_key UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('owner', 'issuer', 'reviewer', 'viewer')),
    created_at TIMESTAMPTZ NOT NULL,
    revoked    BOOLEAN NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE achievements (
    id         UUID NOT NULL,
    version    INTEGER NOT NULL CHECK (version > 0),
    org_id     UUID NOT NULL REFERENCES orgs (id),
    definition TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX achievements_org ON achievements (org_id);

CREATE TABLE status_lists (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    id          UUID PRIMARY KEY,
    org_id      UUID NOT NULL REFERENCES orgs (id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
    bits        BYTEA NOT NULL,
    allocated   BIGINT NOT NULL CHECK (allocated >= 0),
    version     BIGINT NOT NULL,
    signed_json TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_lists_current ON status_lists (org_id, purpose, seq);

-- One row per allocated index: the primary key is what makes an index unique in its list.
CREATE TABLE status_allocations (
    list_id UUID NOT NULL,
    idx     BIGINT NOT NULL CHECK (idx >= 0),
    PRIMARY KEY (list_id, idx)
);

CREATE TABLE bulk_jobs (
    id             UUID PRIMARY KEY,
    org_id         UUID NOT NULL REFERENCES orgs (id),
    achievement_id UUID NOT NULL,
    created_by     UUID NOT NULL REFERENCES users (id),
    state          TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled')),
    total          BIGINT NOT NULL,
    issued         BIGINT NOT NULL,
    failed         BIGINT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE bulk_rows (
    job_id       UUID NOT NULL,
    row_no       BIGINT NOT NULL,
    input        TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('pending', 'issued', 'failed')),
    leased_until TIMESTAMPTZ,
    error        TEXT,
    PRIMARY KEY (job_id, row_no)
);
-- Leasing and "is the job done" look only at pending rows.
CREATE INDEX bulk_rows_pending ON bulk_rows (job_id, row_no) WHERE state = 'pending';

CREATE TABLE credentials (
    seq                 BIGINT GENERATED ALWAYS AS IDENTITY,
    id                  UUID PRIMARY KEY,
    org_id              UUID NOT NULL,
    achievement_id      UUID NOT NULL,
    achievement_version INTEGER NOT NULL,
    recipient_email     TEXT,
    recipient_did       TEXT,
    recipient_name      TEXT,
    issued_at           TIMESTAMPTZ NOT NULL,
    valid_until         TIMESTAMPTZ,
    revocation_list_id  UUID NOT NULL,
    revocation_index    BIGINT NOT NULL,
    suspension_list_id  UUID,
    suspension_index    BIGINT,
    revoked_at          TIMESTAMPTZ,
    revocation_reason   TEXT,
    suspended           BOOLEAN NOT NULL,
    idempotency_key     TEXT,
    job_id              UUID,
    job_row             BIGINT,
    claim_token_hash    TEXT,
    claimed_at          TIMESTAMPTZ,
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
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    id              UUID PRIMARY KEY,
    org_id          UUID NOT NULL,
    credential_id   UUID NOT NULL,
    to_email        TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        BIGINT NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT
);
CREATE INDEX deliveries_org ON deliveries (org_id, seq);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';

-- Signed credentials (~3 KB) are compressed on insert; lz4 (PostgreSQL 14+, when built with
-- it) does that several times faster than the default pglz. Without it, pglz stays.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE credentials ALTER COLUMN json SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'lz4 is not available: credentials keep the default TOAST compression';
END
$$;
