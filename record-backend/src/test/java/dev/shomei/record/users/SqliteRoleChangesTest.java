package dev.shomei.record.users;

import dev.shomei.record.db.Database;

/** {@link RoleChangesContract} on SQLite: one file per test. */
class SqliteRoleChangesTest extends RoleChangesContract {
    @Override
    protected String newDatabaseUrl() {
        return Database.defaultUrl(dir);
    }
}
