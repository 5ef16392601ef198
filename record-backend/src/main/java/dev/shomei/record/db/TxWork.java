package dev.shomei.record.db;

import java.sql.SQLException;

/** The body of one transaction. It may run more than once when the engine asks for a retry. */
@FunctionalInterface
public interface TxWork<T> {
    T run(Tx tx) throws SQLException;
}
