package dev.shomei.record.store;

import dev.shomei.record.db.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The monthly log review's sign-offs (issue 21): one row per audit chain, month and confirming user. */
public final class ReviewSignOffRepository {
    /** One confirmation of a month's review. */
    public record SignOff(String userId, String findings, Instant at) {
    }

    public void add(Tx tx, String chain, YearMonth month, String userId, String findings, Instant at) throws SQLException {
        tx.update("INSERT INTO log_review_signoff (chain, month, user_id, findings, signed_at) VALUES (?, ?, ?, ?, ?)",
                chain, month.toString(), userId, findings, at.toEpochMilli());
    }

    /** The month's sign-offs, oldest first. */
    public List<SignOff> list(Tx tx, String chain, YearMonth month) throws SQLException {
        return tx.query("SELECT user_id, findings, signed_at FROM log_review_signoff WHERE chain = ? AND month = ? "
                        + "ORDER BY signed_at, user_id",
                row -> new SignOff(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3))),
                chain, month.toString());
    }
}
