package dev.shomei.record.importer;

import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.store.ResidentRepository;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds the atena numbers and My Numbers of one chunk of an import: read in two queries instead of two
 * per resident (on PostgreSQL each query is a round trip), then kept true while the chunk is written, so
 * that a resident the chunk adds or a My Number it moves counts at once, as a query after that write would.
 */
final class HoldersOfChunk {
    private final Map<String, String> idByAtenaNumber;
    private final Map<MyNumber, String> idByMyNumber;
    private final List<String> residentIdsFound;

    private HoldersOfChunk(Map<String, String> idByAtenaNumber, Map<MyNumber, String> idByMyNumber) {
        this.idByAtenaNumber = idByAtenaNumber;
        this.idByMyNumber = idByMyNumber;
        this.residentIdsFound = List.copyOf(idByAtenaNumber.values());
    }

    static HoldersOfChunk read(Tx tx, TenantCipher tenant, ResidentRepository residents, List<ImportedResident> chunk)
            throws SQLException {
        List<String> atenaNumbers = new ArrayList<>(chunk.size());
        List<MyNumber> myNumbers = new ArrayList<>(chunk.size());
        for (ImportedResident imported : chunk) {
            atenaNumbers.add(imported.resident().atenaNumber());
            if (imported.myNumber() != null) {
                myNumbers.add(imported.myNumber());
            }
        }
        return new HoldersOfChunk(residents.idsOfAtenaNumbers(tx, tenant, atenaNumbers),
                residents.residentIdsOf(tx, tenant, myNumbers));
    }

    /** The residents the chunk's atena numbers named when it was read: those it may replace. */
    List<String> residentIdsFound() {
        return residentIdsFound;
    }

    Optional<String> ofAtenaNumber(String atenaNumber) {
        return Optional.ofNullable(idByAtenaNumber.get(atenaNumber));
    }

    Optional<String> ofMyNumber(MyNumber myNumber) {
        return Optional.ofNullable(idByMyNumber.get(myNumber));
    }

    /** A new resident now holds this atena number and My Number. */
    void added(String residentId, String atenaNumber, MyNumber myNumber) {
        idByAtenaNumber.put(atenaNumber, residentId);
        idByMyNumber.put(myNumber, residentId);
    }

    /** The resident's My Number is now this one; the number held before is free. */
    void myNumberReplaced(String residentId, MyNumber myNumber) {
        idByMyNumber.values().remove(residentId);
        idByMyNumber.put(myNumber, residentId);
    }
}
