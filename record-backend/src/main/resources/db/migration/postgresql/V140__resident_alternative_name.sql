-- A former or alternative name (旧姓・別姓・別名) printed beside the name as the passport shows it.
-- At most one per resident; every value sealed per municipality like the other name columns
-- (associated data: table, column, resident id).
CREATE TABLE resident_alternative_name (
    municipality_code TEXT NOT NULL,
    resident_id       TEXT NOT NULL,
    kind_enc          BYTEA NOT NULL,
    name_enc          BYTEA NOT NULL,
    roman_enc         BYTEA,
    PRIMARY KEY (municipality_code, resident_id),
    FOREIGN KEY (municipality_code, resident_id) REFERENCES resident (municipality_code, id)
);
