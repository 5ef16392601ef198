package dev.shomei.record.users;

import dev.shomei.record.db.Database;

/** {@link RegisteredConsolePcsContract} on SQLite (two connection pools on one file). */
class RegisteredConsolePcsTest extends RegisteredConsolePcsContract {
    @Override
    protected String newDatabaseUrl() {
        return Database.defaultUrl(dir);
    }
}
