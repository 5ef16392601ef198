-- Role changes of clerk console ids wait for a second administrator (issue 18 point 3): the proposer
-- cannot approve their own proposal, nor can the id whose role changes; either side may cancel or refuse.
-- Decided rows stay as the history; the audit log has the same events. The sqlite twin has the same table.
CREATE TABLE clerk_role_change (
    id           TEXT PRIMARY KEY,           -- random (UUID)
    user_id      TEXT NOT NULL REFERENCES clerk_user (id),
    from_role    TEXT NOT NULL,              -- the role when proposed: a change applies only while it still holds
    to_role      TEXT NOT NULL CHECK (to_role IN ('CLERK', 'SUPERVISOR', 'ADMINISTRATOR', 'STATISTICS')),
    proposed_by  TEXT NOT NULL,
    proposed_at  BIGINT NOT NULL,
    decision     TEXT CHECK (decision IN ('APPROVED', 'REFUSED', 'CANCELLED')),
    decided_by   TEXT,
    decided_at   BIGINT
);
-- one open proposal per id
CREATE UNIQUE INDEX clerk_role_change_open ON clerk_role_change (user_id) WHERE decision IS NULL;
