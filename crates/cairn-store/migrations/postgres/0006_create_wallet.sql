-- The earner's wallet: credentials a user keeps (claimed here or imported), with the
-- verification result at import, an on/off public page under a random share id, and
-- named collections. A user holds a Cairn credential at most once (claiming twice = once).
CREATE TABLE wallet_items (
    id            UUID PRIMARY KEY NOT NULL,
    user_id       UUID NOT NULL REFERENCES users (id),
    credential_id UUID REFERENCES credentials (id),
    json          TEXT NOT NULL,
    source        TEXT NOT NULL,
    verification  TEXT NOT NULL,
    public        BOOLEAN NOT NULL,
    share_id      TEXT NOT NULL UNIQUE,
    added_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX wallet_items_user_credential ON wallet_items (user_id, credential_id);
CREATE INDEX wallet_items_user ON wallet_items (user_id, added_at);

CREATE TABLE collections (
    id         UUID PRIMARY KEY NOT NULL,
    user_id    UUID NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX collections_user ON collections (user_id);

CREATE TABLE collection_items (
    collection_id UUID NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    item_id       UUID NOT NULL REFERENCES wallet_items (id) ON DELETE CASCADE,
    PRIMARY KEY (collection_id, item_id)
);
CREATE INDEX collection_items_item ON collection_items (item_id);
