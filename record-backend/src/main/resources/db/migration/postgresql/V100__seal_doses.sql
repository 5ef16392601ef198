-- Issue 19 §8: a dose's date, product, manufacturer and lot number are sealed like the names
-- (AES-256-GCM under the municipality's data key, bound to municipality, table, column and row id).
-- The SQLite twin is sqlite/V100__seal_doses.sql: same tables and columns.
-- SQL cannot encrypt: the doses already stored move to vaccination_unsealed, and the backend seals
-- them into the new vaccination table when it next opens the store with its master keys
-- (dev.shomei.record.store.UnsealedDoses), then drops vaccination_unsealed.
-- The ticket number was sealed already: its ciphertext moves as it is (same table, column and id).

CREATE TABLE vaccination_unsealed AS
    SELECT municipality_code, id, resident_id, dose_number, vaccinated_on, product, manufacturer, lot_number,
           ticket_number_enc, created_at, updated_at
    FROM vaccination;
-- the sealing step reads it in this order, a batch at a time
CREATE INDEX vaccination_unsealed_order ON vaccination_unsealed (municipality_code, id);

DROP TABLE vaccination;

-- dose_number stays in clear: it keeps one row per dose (the unique key) and orders the doses;
-- on its own it says only how many doses a pseudonymous resident id had.
CREATE TABLE vaccination (
    municipality_code TEXT NOT NULL,
    id                TEXT NOT NULL,
    resident_id       TEXT NOT NULL,
    dose_number       INTEGER NOT NULL CHECK (dose_number BETWEEN 1 AND 99),
    vaccinated_on_enc BYTEA NOT NULL,
    product_enc       BYTEA NOT NULL,
    manufacturer_enc  BYTEA NOT NULL,
    lot_number_enc    BYTEA NOT NULL,
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
