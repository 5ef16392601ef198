-- Window and postal issuance (窓口交付・郵送, issue 21). The SQLite twin is sqlite/V160__counter_issuance.sql.
-- The issuance channel gains POSTAL (the column CHECK's default name; partitions follow the parent).
ALTER TABLE issuance DROP CONSTRAINT issuance_channel_check;
ALTER TABLE issuance ADD CONSTRAINT issuance_channel_check CHECK (channel IN ('KIOSK', 'WINDOW', 'APP', 'POSTAL'));

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
