-- Revocation (issue 22). The PostgreSQL twin is postgresql/V130__revocation.sql.
-- Which key signed each issuance's QR codes, so that a void can revoke exactly those payloads,
-- and the published revocation lists: per SMART Health Card key ('shc:<kid>', entries are rids)
-- and one for VDS-NC ('vds-nc', entries are certificate ids = uvci). Lists only grow; ctr counts changes.
CREATE TABLE issuance_revocation_id (
    municipality_code TEXT NOT NULL,
    issuance_id       TEXT NOT NULL,
    shc_kid           TEXT,              -- the SMART Health Card key that signed; null: no SHC
    shc_rid           TEXT,              -- the card's vc.rid
    vds_uvci          TEXT,              -- the VDS-NC seal's uvci; null: no seal
    PRIMARY KEY (municipality_code, issuance_id)
);

CREATE TABLE revocation_list (
    name       TEXT PRIMARY KEY,
    ctr        BIGINT NOT NULL CHECK (ctr >= 0),
    changed_at BIGINT NOT NULL
);

CREATE TABLE revocation_entry (
    list_name  TEXT NOT NULL REFERENCES revocation_list (name),
    entry      TEXT NOT NULL,
    position   BIGINT NOT NULL,          -- the ctr that added it: the list's order
    revoked_at BIGINT NOT NULL,
    PRIMARY KEY (list_name, entry)
);
