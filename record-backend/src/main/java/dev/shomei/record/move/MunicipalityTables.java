package dev.shomei.record.move;

import dev.shomei.record.db.Engine;
import dev.shomei.record.db.Tx;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows that belong to one municipality, table by table: found in the database's own catalog
 * (every table with a {@code municipality_code} column, so a table added later moves too), plus the
 * {@code municipality} row itself, the tables keyed by its audit chain, and its clerk console ids
 * (scoped to it) with their role-change history. Parents come first (municipality, its keys,
 * residents; clerk ids before their role changes), so inserting in this order and deleting in the
 * reverse one keeps every foreign key satisfied.
 */
final class MunicipalityTables {
    /** A table and the condition, with one parameter for the municipality code, that selects its rows. */
    record Table(String name, String condition) {
        static Table keyedBy(String name, String column) {
            return new Table(name, column + " = ?");
        }

        String where() {
            return " WHERE " + condition;
        }
    }

    /** How a copied row changes on its way (a value sealed under the source's master key). */
    interface RowAdjustment {
        void adjust(List<String> columns, Object[] row);
    }

    static final String CLERK_USER = "clerk_user";

    static final String MUNICIPALITY_KEY = "municipality_key";
    static final String AUDIT_LOG = "audit_log";
    static final String AUDIT_HEAD = "audit_head";
    private static final List<String> PARENTS_FIRST = List.of("municipality", MUNICIPALITY_KEY, "resident");
    /** The move's own bookkeeping stays where it is. */
    private static final Set<String> NOT_MOVED = Set.of("municipality_move");
    private static final int BATCH = 500;

    private MunicipalityTables() {
    }

    static List<Table> of(Tx tx) throws SQLException {
        String sql = tx.engine() == Engine.POSTGRESQL
                ? "SELECT c.relname FROM pg_attribute a JOIN pg_class c ON a.attrelid = c.oid "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.attname = 'municipality_code' "
                        + "AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                        + "AND n.nspname = current_schema()"
                : "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
                        + "WHERE m.type = 'table' AND p.name = 'municipality_code'";
        TreeSet<String> found = new TreeSet<>(tx.query(sql, row -> row.getString(1)));
        found.removeAll(NOT_MOVED);
        List<Table> tables = new ArrayList<>();
        tables.add(Table.keyedBy("municipality", "code"));
        for (String parent : PARENTS_FIRST.subList(1, PARENTS_FIRST.size())) {
            if (found.remove(parent)) {
                tables.add(Table.keyedBy(parent, "municipality_code"));
            }
        }
        for (String name : found) {
            tables.add(Table.keyedBy(name, "municipality_code"));
        }
        tables.add(Table.keyedBy(AUDIT_HEAD, "chain"));
        tables.add(Table.keyedBy("log_review_signoff", "chain"));
        tables.add(Table.keyedBy(CLERK_USER, "scope"));
        tables.add(new Table("clerk_role_change", "user_id IN (SELECT id FROM clerk_user WHERE scope = ?)"));
        return tables;
    }

    static long count(Tx tx, Table table, String code) throws SQLException {
        return tx.queryLong("SELECT COUNT(*) FROM " + table.name() + table.where(), code);
    }

    /** Copies the table's rows of {@code code} column by column, as they are (ciphertext stays ciphertext). */
    static long copyRows(Tx from, Tx to, Table table, String code) throws SQLException {
        return copyRows(from, to, table, code, (columns, row) -> {
        });
    }

    /** {@link #copyRows(Tx, Tx, Table, String)} with each row adjusted before it is written. */
    static long copyRows(Tx from, Tx to, Table table, String code, RowAdjustment adjustment) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Object[]> rows = from.query("SELECT * FROM " + table.name() + table.where(), row -> {
            ResultSetMetaData meta = row.getMetaData();
            if (columns.isEmpty()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
            }
            return values(row, meta.getColumnCount());
        }, code);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Boolean> booleans = booleanColumns(to, table.name(), columns);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (booleans.get(i)) {
                    row[i] = asBoolean(row[i], to.engine());
                }
            }
            adjustment.adjust(columns, row);
        }
        String insert = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        for (int start = 0; start < rows.size(); start += BATCH) {
            to.batch(insert, rows.subList(start, Math.min(rows.size(), start + BATCH)));
        }
        return rows.size();
    }

    static int delete(Tx tx, Table table, String code) throws SQLException {
        return tx.update("DELETE FROM " + table.name() + table.where(), code);
    }

    /**
     * Which of the columns are BOOLEAN at the target. The engines store a truth value differently
     * (PostgreSQL a boolean it will not take an integer for, SQLite 0 or 1), and a move may go from
     * one engine to the other; every other type used reads and binds alike on both.
     */
    private static List<Boolean> booleanColumns(Tx to, String table, List<String> columns) throws SQLException {
        String sql = to.engine() == Engine.POSTGRESQL
                ? "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                        + "AND table_schema = current_schema()"
                : "SELECT name, type FROM pragma_table_info(?)";
        Set<String> booleans = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String[] column : to.query(sql, row -> new String[] {row.getString(1), row.getString(2)}, table)) {
            if (column[1] != null && column[1].equalsIgnoreCase("boolean")) {
                booleans.add(column[0]);
            }
        }
        return columns.stream().map(booleans::contains).toList();
    }

    private static Object asBoolean(Object value, Engine target) {
        if (value == null) {
            return null;
        }
        boolean truth = value instanceof Boolean b ? b : ((Number) value).longValue() != 0;
        return target == Engine.POSTGRESQL ? (Object) truth : (Object) (truth ? 1 : 0);
    }

    private static Object[] values(ResultSet row, int count) throws SQLException {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            Object value = row.getObject(i + 1);
            values[i] = value instanceof Short s ? Integer.valueOf(s) : value;
        }
        return values;
    }
}
