-- Transfers between municipalities (issue 21 point 3; seed II-5, III-5): the record of each provision of
-- information (情報提供等の記録). Both sides keep their own row of one exchange (same id): the asking
-- municipality (side REQUESTED) and the former municipality (side PROVIDED). Codes and ids only: never the
-- My Number, not even a hash of it. The sqlite twin has the same tables.
CREATE TABLE information_provision (
    municipality_code TEXT NOT NULL,         -- the side keeping this row
    id                TEXT NOT NULL,         -- the exchange, the same on both sides
    side              TEXT NOT NULL CHECK (side IN ('REQUESTED', 'PROVIDED')),
    requesting_code   TEXT NOT NULL,
    providing_code    TEXT NOT NULL,
    requested_by      TEXT NOT NULL,         -- the asking clerk's user id
    requested_at      BIGINT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('PROVIDED', 'NOT_HELD')),
    dose_count        INTEGER NOT NULL,
    resident_id       TEXT,                  -- this side's resident; NULL on the providing side when not held
    answer_enc        BYTEA,                  -- asking side: the doses received, sealed under its data key
    taken_over_by     TEXT,
    taken_over_at     BIGINT,
    taken_over_doses  INTEGER,
    PRIMARY KEY (municipality_code, id)
);
CREATE INDEX information_provision_by_time ON information_provision (municipality_code, requested_at);
-- Where a dose taken over from another municipality came from.
CREATE TABLE dose_transfer (
    municipality_code TEXT NOT NULL,
    vaccination_id    TEXT NOT NULL,
    resident_id       TEXT NOT NULL,
    source_code       TEXT NOT NULL,
    provision_id      TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, vaccination_id)
);
