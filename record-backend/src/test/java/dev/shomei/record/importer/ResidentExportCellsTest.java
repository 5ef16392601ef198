package dev.shomei.record.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A formula-like cell is defused by the export and read back unchanged by the import; other cells stay as they are. */
class ResidentExportCellsTest {
    @Test
    void formulaCellsAreDefusedAndReadBack() {
        for (String cell : new String[] {"=1+1", "+81", "-FA1", "@SUM(A1)"}) {
            assertEquals("'" + cell, ResidentExport.defused(cell));
            assertEquals(cell, ResidentExport.undefused(ResidentExport.defused(cell)));
        }
        for (String cell : new String[] {"", "FA1", "'quoted", "鈴木", "A-1"}) {
            assertEquals(cell, ResidentExport.defused(cell));
            assertEquals(cell, ResidentExport.undefused(cell));
        }
    }
}
