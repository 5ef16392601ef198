-- The monthly log review's sign-off (issue 21): each month of an audit chain needs two different staff
-- confirming it with their findings. The postgresql twin has the same table.
CREATE TABLE log_review_signoff (
    chain      TEXT NOT NULL,               -- the audit chain reviewed: a municipality code or '-'
    month      TEXT NOT NULL CHECK (length(month) = 7),
    user_id    TEXT NOT NULL,
    findings   TEXT NOT NULL,               -- about staff access (ids, counts); never a resident's data
    signed_at  BIGINT NOT NULL,
    PRIMARY KEY (chain, month, user_id)
);
