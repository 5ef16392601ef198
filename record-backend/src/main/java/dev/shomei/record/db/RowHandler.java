package dev.shomei.record.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Takes the current row of a result set, for {@link Tx#forEach}. */
@FunctionalInterface
public interface RowHandler {
    void handle(ResultSet row) throws SQLException;
}
