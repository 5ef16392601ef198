-- Requests from residents (issue 21; seed IV): disclosure, correction, suspension, with the receipt
-- number (受付票番号), the handling and the outcome. The postgresql twin has the same table.
CREATE TABLE resident_request (
    municipality_code TEXT NOT NULL,
    id                TEXT NOT NULL,
    receipt_number    TEXT NOT NULL,
    resident_id       TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('DISCLOSURE', 'CORRECTION', 'SUSPENSION')),
    received_on       TEXT NOT NULL CHECK (length(received_on) = 10),
    status            TEXT NOT NULL CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'DONE')),
    outcome           TEXT CHECK (outcome IN ('GRANTED', 'PARTLY_GRANTED', 'REFUSED', 'WITHDRAWN')),
    handling_enc      BLOB,                  -- the clerk's notes, sealed under the municipality's data key
    created_by        TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    updated_by        TEXT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, id),
    UNIQUE (municipality_code, receipt_number)
);
CREATE INDEX resident_request_by_resident ON resident_request (municipality_code, resident_id);
