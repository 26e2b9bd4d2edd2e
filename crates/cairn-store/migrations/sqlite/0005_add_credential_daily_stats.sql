-- The console's dashboard. Page views and verifications are counted per organisation and
-- day as they happen (one upsert each); issued and claimed are read from `credentials`,
-- which gets indexes for those reads. `day` is the number of days since 1970-01-01 (UTC).
CREATE TABLE credential_daily_stats (
    org_id BLOB NOT NULL,
    day    INTEGER NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('viewed', 'verified')),
    count  INTEGER NOT NULL,
    PRIMARY KEY (org_id, day, kind)
);
CREATE INDEX credentials_org_issued ON credentials (org_id, issued_at);
CREATE INDEX credentials_org_claimed ON credentials (org_id, claimed_at) WHERE claimed_at IS NOT NULL;
