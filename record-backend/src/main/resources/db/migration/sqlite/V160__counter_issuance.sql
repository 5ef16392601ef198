-- Window and postal issuance (窓口交付・郵送, issue 21). The PostgreSQL twin is postgresql/V160__counter_issuance.sql.
-- The issuance channel gains POSTAL. SQLite cannot change a CHECK constraint in place, so the table is
-- rebuilt with the same columns, keys and indexes (no other table references it).
CREATE TABLE issuance_v160 (
    municipality_code   TEXT NOT NULL REFERENCES municipality (code),
    id                  TEXT NOT NULL,
    certificate_id      TEXT NOT NULL,
    resident_id         TEXT NOT NULL,
    certificate_type    TEXT NOT NULL CHECK (certificate_type IN ('DOMESTIC', 'OVERSEAS')),
    channel             TEXT NOT NULL CHECK (channel IN ('KIOSK', 'WINDOW', 'APP', 'POSTAL')),
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
INSERT INTO issuance_v160 SELECT municipality_code, id, certificate_id, resident_id, certificate_type, channel, terminal_id,
    transaction_id, copies, fee_total_yen, issued_at, status, status_changed_at, void_reason, passport_number_enc,
    response_enc FROM issuance;
DROP TABLE issuance;
ALTER TABLE issuance_v160 RENAME TO issuance;
CREATE INDEX issuance_by_status ON issuance (municipality_code, status, issued_at);
CREATE INDEX issuance_by_time ON issuance (municipality_code, issued_at);
CREATE INDEX issuance_by_resident ON issuance (municipality_code, resident_id);

-- What the counter adds to an issuance it made: how the clerk checked the person's identity (a code,
-- never the document's number), who issued, and for a reissue after loss the issuance it replaces.
CREATE TABLE counter_issuance (
    municipality_code     TEXT NOT NULL,
    issuance_id           TEXT NOT NULL,
    identity_check        TEXT NOT NULL,
    clerk_id              TEXT NOT NULL,
    replaces_issuance_id  TEXT,
    PRIMARY KEY (municipality_code, issuance_id),
    FOREIGN KEY (municipality_code, issuance_id) REFERENCES issuance (municipality_code, id),
    FOREIGN KEY (municipality_code, replaces_issuance_id) REFERENCES issuance (municipality_code, id)
);
CREATE UNIQUE INDEX counter_issuance_replaces ON counter_issuance (municipality_code, replaces_issuance_id);
