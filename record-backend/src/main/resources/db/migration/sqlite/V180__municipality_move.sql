-- Moving a municipality between record-backend shards (issue 24 part 1, `backend move-municipality`).
-- One row per municipality in a move, on both databases: OUTGOING on the source (its issuance stops:
-- refused with MUNICIPALITY_MOVING, listed as not taking part; after the switch not listed at all),
-- INCOMING on the target (not listed, nothing accepted) until the switch. The step says how far the
-- move got, so that running the command again resumes it (or --abort rolls it back).
CREATE TABLE municipality_move (
    municipality_code TEXT PRIMARY KEY CHECK (length(municipality_code) = 6),
    role              TEXT NOT NULL CHECK (role IN ('OUTGOING', 'INCOMING')),
    step              TEXT NOT NULL CHECK (step IN ('STOPPED', 'COPYING', 'COPIED', 'VERIFIED', 'SWITCHED', 'MOVED_OUT')),
    peer              TEXT NOT NULL,  -- the other database (JDBC URL without user or password)
    started_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
