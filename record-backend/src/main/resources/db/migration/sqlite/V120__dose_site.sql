-- Where a dose was given (接種会場), recorded when a clerk adds a dose by hand (issue 21). The postgresql twin
-- has the same table. Kept apart from vaccination so its columns stay as they are; sealed like the ticket number.
CREATE TABLE dose_site (
    municipality_code TEXT NOT NULL,
    vaccination_id    TEXT NOT NULL,
    resident_id       TEXT NOT NULL,
    site_enc          BLOB NOT NULL,
    created_at        BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, vaccination_id)
);
CREATE INDEX dose_site_by_resident ON dose_site (municipality_code, resident_id);
