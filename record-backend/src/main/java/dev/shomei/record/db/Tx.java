package dev.shomei.record.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One open transaction, or a read (see {@code Database.read}): small helpers over plain JDBC with
 * positional parameters. Parameters may be
 * {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, {@code byte[]} or {@code null}.
 */
public final class Tx {
    private final Connection connection;
    private final Engine engine;
    private final boolean readOnly;
    private final Set<Object> lockedFacts = new HashSet<>();

    Tx(Connection connection, Engine engine, boolean readOnly) {
        this.connection = connection;
        this.engine = engine;
        this.readOnly = readOnly;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Notes a fact this transaction checked under a lock it keeps until it ends, so that a later step
     * of the same transaction need not read it again (one round trip less on PostgreSQL; see MoveGuard).
     */
    public void noteLocked(Object fact) {
        lockedFacts.add(fact);
    }

    /** Whether {@link #noteLocked} noted this fact (by {@code equals}) in this transaction. */
    public boolean lockedFact(Object fact) {
        return lockedFacts.contains(fact);
    }

    /** INSERT / UPDATE / DELETE; returns the number of rows changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        refuseInRead();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Runs the same statement once per parameter row, as one JDBC batch. */
    public void batch(String sql, List<Object[]> rows) throws SQLException {
        refuseInRead();
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> result = new ArrayList<>();
        forEach(sql, row -> result.add(mapper.map(row)), parameters);
        return result;
    }

    /** Hands each row of the query to {@code handler}, in order: for results that are not one object per row. */
    public void forEach(String sql, RowHandler handler, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    /** The single row the query returns, or empty; more than one row is a programming error. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> rows = query(sql, mapper, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public long queryLong(String sql, Object... parameters) throws SQLException {
        return queryOne(sql, row -> row.getLong(1), parameters).orElseThrow();
    }

    /** {@code count} parameter markers for an {@code IN (…)} list: {@code ?, ?, ?}. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** The parameters of a query on one municipality's rows with an {@code IN (…)} list: the code, then the values. */
    public static Object[] municipalityAnd(String municipalityCode, java.util.Collection<?> values) {
        Object[] parameters = new Object[values.size() + 1];
        parameters[0] = municipalityCode;
        int i = 1;
        for (Object value : values) {
            parameters[i++] = value;
        }
        return parameters;
    }

    /** Runs DDL or other parameterless SQL. */
    public void execute(String sql) throws SQLException {
        refuseInRead();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A read's statements may each commit on their own (PostgreSQL), so a write in one is a bug caught here. */
    private void refuseInRead() {
        if (readOnly) {
            throw new IllegalStateException("a read transaction does not write");
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            switch (parameters[i]) {
                case null -> statement.setNull(index, Types.NULL);
                case String text -> statement.setString(index, text);
                case Integer number -> statement.setInt(index, number);
                case Long number -> statement.setLong(index, number);
                case Boolean flag -> statement.setBoolean(index, flag);
                case byte[] bytes -> statement.setBytes(index, bytes);
                default -> throw new IllegalArgumentException("unsupported parameter type "
                        + parameters[i].getClass().getName() + " at " + index);
            }
        }
    }
}
