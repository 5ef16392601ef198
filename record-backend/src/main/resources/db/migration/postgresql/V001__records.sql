-- shomei record backend, schema 1 (PostgreSQL). The SQLite twin is sqlite/V001__records.sql:
-- same tables, columns and keys; only types and partitioning differ.
-- Times are epoch milliseconds (UTC); calendar dates are 'YYYY-MM-DD' text.
-- resident, my_number, vaccination and issuance are hash-partitioned by municipality (8 parts;
-- see docs/operations.md for growing past one server).
-- Columns ending in _enc hold AES-256-GCM ciphertext under the municipality's data key.

CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE municipality (
    code                TEXT PRIMARY KEY CHECK (length(code) = 6),
    name_ja             TEXT NOT NULL,
    name_en             TEXT NOT NULL,
    mayor_title_ja      TEXT NOT NULL,
    mayor_title_en      TEXT NOT NULL,
    kiosk_participating BOOLEAN NOT NULL,
    offers_overseas     BOOLEAN NOT NULL,
    fee_per_copy_yen    INTEGER NOT NULL CHECK (fee_per_copy_yen >= 0),
    opens_at            TEXT NOT NULL,
    closes_at           TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);

-- The municipality's keys, wrapped (AES-GCM) by the master key named in master_key_alias.
CREATE TABLE municipality_key (
    municipality_code  TEXT PRIMARY KEY REFERENCES municipality (code),
    master_key_alias   TEXT NOT NULL,
    data_key_wrapped   BYTEA NOT NULL,
    lookup_key_wrapped BYTEA NOT NULL,
    created_at         BIGINT NOT NULL
);

CREATE TABLE resident (
    municipality_code     TEXT NOT NULL REFERENCES municipality (code),
    id                    TEXT NOT NULL,
    atena_number          TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('ACTIVE', 'MOVED_OUT', 'DECEASED')),
    family_name_kanji_enc BYTEA NOT NULL,
    given_name_kanji_enc  BYTEA NOT NULL,
    family_name_kana_enc  BYTEA,
    given_name_kana_enc   BYTEA,
    family_name_roman_enc BYTEA,
    given_name_roman_enc  BYTEA,
    birth_date_enc        BYTEA NOT NULL,
    sex_enc               BYTEA NOT NULL,
    address_enc           BYTEA,
    nationality_enc       BYTEA,
    passport_number_enc   BYTEA,
    variant_kanji         BOOLEAN NOT NULL DEFAULT FALSE, -- 旧字・俗字: the certificate prints without QR codes
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, atena_number)
) PARTITION BY HASH (municipality_code);
CREATE TABLE resident_p0 PARTITION OF resident FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE resident_p1 PARTITION OF resident FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE resident_p2 PARTITION OF resident FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE resident_p3 PARTITION OF resident FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE resident_p4 PARTITION OF resident FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE resident_p5 PARTITION OF resident FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE resident_p6 PARTITION OF resident FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE resident_p7 PARTITION OF resident FOR VALUES WITH (MODULUS 8, REMAINDER 7);

-- The My Number lives apart from the resident: found by a keyed HMAC, stored encrypted.
CREATE TABLE my_number (
    municipality_code TEXT NOT NULL,
    lookup_mac        BYTEA NOT NULL,
    resident_id       TEXT NOT NULL,
    my_number_enc     BYTEA NOT NULL,
    PRIMARY KEY (municipality_code, lookup_mac),
    UNIQUE (municipality_code, resident_id),
    FOREIGN KEY (municipality_code, resident_id) REFERENCES resident (municipality_code, id) ON DELETE CASCADE
) PARTITION BY HASH (municipality_code);
CREATE TABLE my_number_p0 PARTITION OF my_number FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE my_number_p1 PARTITION OF my_number FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE my_number_p2 PARTITION OF my_number FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE my_number_p3 PARTITION OF my_number FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE my_number_p4 PARTITION OF my_number FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE my_number_p5 PARTITION OF my_number FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE my_number_p6 PARTITION OF my_number FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE my_number_p7 PARTITION OF my_number FOR VALUES WITH (MODULUS 8, REMAINDER 7);

CREATE TABLE vaccination (
    municipality_code TEXT NOT NULL,
    id                TEXT NOT NULL,
    resident_id       TEXT NOT NULL,
    dose_number       INTEGER NOT NULL CHECK (dose_number BETWEEN 1 AND 99),
    vaccinated_on     TEXT NOT NULL CHECK (length(vaccinated_on) = 10),
    product           TEXT NOT NULL,
    manufacturer      TEXT NOT NULL,
    lot_number        TEXT NOT NULL,
    ticket_number_enc BYTEA,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, resident_id, dose_number),
    FOREIGN KEY (municipality_code, resident_id) REFERENCES resident (municipality_code, id) ON DELETE CASCADE
) PARTITION BY HASH (municipality_code);
CREATE TABLE vaccination_p0 PARTITION OF vaccination FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE vaccination_p1 PARTITION OF vaccination FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE vaccination_p2 PARTITION OF vaccination FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE vaccination_p3 PARTITION OF vaccination FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE vaccination_p4 PARTITION OF vaccination FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE vaccination_p5 PARTITION OF vaccination FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE vaccination_p6 PARTITION OF vaccination FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE vaccination_p7 PARTITION OF vaccination FOR VALUES WITH (MODULUS 8, REMAINDER 7);

CREATE TABLE issuance (
    municipality_code   TEXT NOT NULL REFERENCES municipality (code),
    id                  TEXT NOT NULL,
    certificate_id      TEXT NOT NULL,
    resident_id         TEXT NOT NULL,
    certificate_type    TEXT NOT NULL CHECK (certificate_type IN ('DOMESTIC', 'OVERSEAS')),
    channel             TEXT NOT NULL CHECK (channel IN ('KIOSK', 'WINDOW', 'APP')),
    terminal_id         TEXT,
    transaction_id      TEXT NOT NULL,
    copies              INTEGER NOT NULL CHECK (copies >= 1),
    fee_total_yen       INTEGER NOT NULL,
    issued_at           BIGINT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('ISSUED', 'PRINTED', 'VOIDED')),
    status_changed_at   BIGINT NOT NULL,
    void_reason         TEXT,
    passport_number_enc BYTEA,
    response_enc        BYTEA NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, transaction_id),
    UNIQUE (municipality_code, certificate_id),
    FOREIGN KEY (municipality_code, resident_id) REFERENCES resident (municipality_code, id)
) PARTITION BY HASH (municipality_code);
CREATE TABLE issuance_p0 PARTITION OF issuance FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE issuance_p1 PARTITION OF issuance FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE issuance_p2 PARTITION OF issuance FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE issuance_p3 PARTITION OF issuance FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE issuance_p4 PARTITION OF issuance FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE issuance_p5 PARTITION OF issuance FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE issuance_p6 PARTITION OF issuance FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE issuance_p7 PARTITION OF issuance FOR VALUES WITH (MODULUS 8, REMAINDER 7);
CREATE INDEX issuance_by_status ON issuance (municipality_code, status, issued_at);
CREATE INDEX issuance_by_time ON issuance (municipality_code, issued_at);
CREATE INDEX issuance_by_resident ON issuance (municipality_code, resident_id);

-- Append-only, HMAC-chained: one chain per municipality ('-' for system-wide events).
CREATE TABLE audit_head (
    chain    TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    last_mac BYTEA NOT NULL
);

CREATE TABLE audit_log (
    chain             TEXT NOT NULL,
    seq               BIGINT NOT NULL,
    at_ms             BIGINT NOT NULL,
    actor_type        TEXT NOT NULL,
    actor_id          TEXT NOT NULL,
    source            TEXT,
    action            TEXT NOT NULL,
    municipality_code TEXT,
    target_type       TEXT,
    target_id         TEXT,
    outcome           TEXT NOT NULL,
    detail            TEXT,
    prev_mac          BYTEA NOT NULL,
    mac               BYTEA NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE INDEX audit_by_time ON audit_log (at_ms);
