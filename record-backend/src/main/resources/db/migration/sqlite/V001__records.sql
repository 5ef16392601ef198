-- shomei record backend, schema 1 (SQLite). The PostgreSQL twin is postgresql/V001__records.sql:
-- same tables, columns and keys; only types and partitioning differ.
-- Times are epoch milliseconds (UTC); calendar dates are 'YYYY-MM-DD' text.
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
    data_key_wrapped   BLOB NOT NULL,
    lookup_key_wrapped BLOB NOT NULL,
    created_at         BIGINT NOT NULL
);

CREATE TABLE resident (
    municipality_code     TEXT NOT NULL REFERENCES municipality (code),
    id                    TEXT NOT NULL,
    atena_number          TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('ACTIVE', 'MOVED_OUT', 'DECEASED')),
    family_name_kanji_enc BLOB NOT NULL,
    given_name_kanji_enc  BLOB NOT NULL,
    family_name_kana_enc  BLOB,
    given_name_kana_enc   BLOB,
    family_name_roman_enc BLOB,
    given_name_roman_enc  BLOB,
    birth_date_enc        BLOB NOT NULL,
    sex_enc               BLOB NOT NULL,
    address_enc           BLOB,
    nationality_enc       BLOB,
    passport_number_enc   BLOB,
    variant_kanji         BOOLEAN NOT NULL DEFAULT FALSE, -- 旧字・俗字: the certificate prints without QR codes
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, atena_number)
);

-- The My Number lives apart from the resident: found by a keyed HMAC, stored encrypted.
CREATE TABLE my_number (
    municipality_code TEXT NOT NULL,
    lookup_mac        BLOB NOT NULL,
    resident_id       TEXT NOT NULL,
    my_number_enc     BLOB NOT NULL,
    PRIMARY KEY (municipality_code, lookup_mac),
    UNIQUE (municipality_code, resident_id),
    FOREIGN KEY (municipality_code, resident_id) REFERENCES resident (municipality_code, id) ON DELETE CASCADE
);

CREATE TABLE vaccination (
    municipality_code TEXT NOT NULL,
    id                TEXT NOT NULL,
    resident_id       TEXT NOT NULL,
    dose_number       INTEGER NOT NULL CHECK (dose_number BETWEEN 1 AND 99),
    vaccinated_on     TEXT NOT NULL CHECK (length(vaccinated_on) = 10),
    product           TEXT NOT NULL,
    manufacturer      TEXT NOT NULL,
    lot_number        TEXT NOT NULL,
    ticket_number_enc BLOB,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, resident_id, dose_number),
    FOREIGN KEY (municipality_code, resident_id) REFERENCES resident (municipality_code, id) ON DELETE CASCADE
);

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
    passport_number_enc BLOB,
    response_enc        BLOB NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, transaction_id),
    UNIQUE (municipality_code, certificate_id),
    FOREIGN KEY (municipality_code, resident_id) REFERENCES resident (municipality_code, id)
);
CREATE INDEX issuance_by_status ON issuance (municipality_code, status, issued_at);
CREATE INDEX issuance_by_time ON issuance (municipality_code, issued_at);
CREATE INDEX issuance_by_resident ON issuance (municipality_code, resident_id);

-- Append-only, HMAC-chained: one chain per municipality ('-' for system-wide events).
CREATE TABLE audit_head (
    chain    TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    last_mac BLOB NOT NULL
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
    prev_mac          BLOB NOT NULL,
    mac               BLOB NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE INDEX audit_by_time ON audit_log (at_ms);
