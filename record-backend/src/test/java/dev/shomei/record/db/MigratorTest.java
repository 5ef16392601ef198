package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MigratorTest {

    @Test
    void splitsScriptsIntoStatementsWithoutComments() {
        List<String> statements = Migrator.statements("-- heading; with a semicolon\nCREATE TABLE a (x INT); -- trailing\n"
                + "\nCREATE INDEX b ON a (x);\n");
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX b ON a (x)"), statements);
    }

    @Test
    void bothEnginesHaveTheSameVersionsAndTables() {
        List<Migrator.Script> sqlite = Migrator.scripts(Engine.SQLITE);
        List<Migrator.Script> postgresql = Migrator.scripts(Engine.POSTGRESQL);
        assertEquals(sqlite.stream().map(Migrator.Script::version).toList(),
                postgresql.stream().map(Migrator.Script::version).toList());
        for (int i = 0; i < sqlite.size(); i++) {
            assertEquals(tables(sqlite.get(i).sql()), tables(postgresql.get(i).sql()).stream()
                    .filter(table -> !table.matches(".*_p[0-9]+")).toList(), "version " + sqlite.get(i).version());
        }
        assertTrue(postgresql.getFirst().sql().contains("PARTITION BY HASH (municipality_code)"));
    }

    private static List<String> tables(String sql) {
        Matcher matcher = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_0-9]+)").matcher(sql);
        List<String> tables = new java.util.ArrayList<>();
        while (matcher.find()) {
            tables.add(matcher.group(1));
        }
        return tables;
    }
}
