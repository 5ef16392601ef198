-- The municipal PCs registered to reach the clerk console (issue 18 point 4): their client certificate
-- CN. In the database so that every record backend of an installation admits the same PCs; managed with
-- ./shomei backend console-pc. The postgresql twin has the same table.
CREATE TABLE console_pc (
    id             TEXT PRIMARY KEY,
    registered_by  TEXT NOT NULL,
    registered_at  BIGINT NOT NULL
);
