package dev.shomei.system.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the backend's issuance records straight from its database (SQLite file or PostgreSQL), the
 * way an auditor would: status, void reason and certificate id per transaction. Only the columns
 * that are not personal (the personal ones are ciphertext anyway).
 */
final class IssuanceDb {
    /** One issuance row. */
    record Row(String transactionId, String certificateId, String status, String voidReason, String terminalId) {
    }

    private final String url;

    IssuanceDb(String url) {
        this.url = url;
    }

    Optional<Row> byTransaction(String transactionId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT transaction_id, certificate_id, status, void_reason, terminal_id"
                     + " FROM issuance WHERE transaction_id = ?")) {
            s.setString(1, transactionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    /** Every issuance, by transaction id. */
    Map<String, Row> all() throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT transaction_id, certificate_id, status, void_reason, terminal_id"
                     + " FROM issuance ORDER BY issued_at")) {
            while (r.next()) {
                Row row = row(r);
                if (rows.put(row.transactionId(), row) != null) {
                    throw new AssertionError("transaction " + row.transactionId() + " is recorded twice");
                }
            }
        }
        return rows;
    }

    /** Rows per status, and any certificate id that appears more than once (must be none). */
    long count(String status) throws SQLException {
        return all().values().stream().filter(r -> r.status().equals(status)).count();
    }

    long duplicateCertificateIds() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM (SELECT certificate_id FROM issuance"
                     + " GROUP BY certificate_id HAVING COUNT(*) > 1) d")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Waits until the transaction's row satisfies {@code condition}; returns it. */
    Row await(String transactionId, Predicate<Row> condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Row> row = Optional.empty();
        while (System.nanoTime() < deadline) {
            row = byTransaction(transactionId);
            if (row.isPresent() && condition.test(row.get())) {
                return row.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("transaction " + transactionId + " is " + row.orElse(null) + ", not " + what
                + " after " + timeout);
    }

    Row awaitStatus(String transactionId, String status, Duration timeout) throws Exception {
        return await(transactionId, r -> r.status().equals(status), timeout, status);
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
    }
}
