-- Clerk console users (issue 8). The SQLite twin is sqlite/V050__clerk_users.sql.
-- Ids are issued by an administrator, with an expiry; disabled at once on transfer or retirement.
-- A shared id (共用ID) records the named people and the terminals that use it.
CREATE TABLE clerk_user (
    id               TEXT PRIMARY KEY,
    display_name     TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('CLERK', 'SUPERVISOR', 'ADMINISTRATOR', 'STATISTICS')),
    scope            TEXT NOT NULL,              -- a municipality code, a 2-digit prefecture code, or '*'
    password_hash    TEXT NOT NULL,              -- pbkdf2-sha256$iterations$salt$hash
    must_enrol       BOOLEAN NOT NULL,           -- next login: enrol TOTP and replace the initial password
    totp_secret_enc  BYTEA,                       -- AES-GCM under the master key named in totp_key_alias
    totp_key_alias   TEXT,
    totp_last_step   BIGINT NOT NULL DEFAULT 0,  -- a TOTP code works once
    failed_logins    INTEGER NOT NULL DEFAULT 0,
    locked_until     BIGINT NOT NULL DEFAULT 0,
    expires_on       TEXT NOT NULL CHECK (length(expires_on) = 10),
    disabled_at      BIGINT,
    disabled_reason  TEXT,
    shared_id        BOOLEAN NOT NULL DEFAULT FALSE,
    shared_people    TEXT,
    shared_terminals TEXT,
    created_by       TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    last_login_at    BIGINT
);
CREATE INDEX clerk_user_by_scope ON clerk_user (scope, id);
