package dev.shomei.record.store;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.HoldReason;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Residents and their My Numbers, always inside one municipality: every method takes the
 * municipality's {@link TenantCipher} and every statement filters by its code, so a resident of
 * another municipality is never read, changed or deleted. Personal fields are sealed per column; the
 * My Number sits in its own table, found by its keyed HMAC and stored sealed.
 */
public final class ResidentRepository {
    static final String TABLE = "resident";
    private static final String MY_NUMBER_TABLE = "my_number";
    private static final String COLUMNS = "r.id, r.atena_number, r.status, r.family_name_kanji_enc, r.given_name_kanji_enc, "
            + "r.family_name_kana_enc, r.given_name_kana_enc, r.family_name_roman_enc, r.given_name_roman_enc, "
            + "r.birth_date_enc, r.sex_enc, r.address_enc, r.nationality_enc, r.passport_number_enc, r.variant_kanji";

    /** {@link #findForIssue}: the resident's {@link #COLUMNS} (1-15), hold (16), alternative name (17-19), a dose (20-). */
    private static final String FOR_ISSUE = "SELECT " + COLUMNS + ", r.hold_reason, a.kind_enc, a.name_enc, a.roman_enc, "
            + VaccinationRepository.columns("v") + " FROM my_number m "
            + "JOIN resident r ON r.municipality_code = m.municipality_code AND r.id = m.resident_id "
            + "LEFT JOIN resident_alternative_name a ON a.municipality_code = r.municipality_code AND a.resident_id = r.id "
            + "LEFT JOIN vaccination v ON v.municipality_code = r.municipality_code AND v.resident_id = r.id "
            + "WHERE m.municipality_code = ? AND m.lookup_mac = ? ORDER BY v.dose_number";

    private static final String INSERT = "INSERT INTO resident (municipality_code, id, atena_number, status, "
            + "family_name_kanji_enc, given_name_kanji_enc, family_name_kana_enc, given_name_kana_enc, family_name_roman_enc, "
            + "given_name_roman_enc, birth_date_enc, sex_enc, address_enc, nationality_enc, passport_number_enc, "
            + "variant_kanji, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MY_NUMBER =
            "INSERT INTO my_number (municipality_code, lookup_mac, resident_id, my_number_enc) VALUES (?, ?, ?, ?)";

    /** Inserts a resident with their My Number. */
    public void insert(Tx tx, TenantCipher tenant, Resident resident, MyNumber myNumber) throws SQLException {
        tx.update(INSERT, residentRow(tenant, resident, System.currentTimeMillis()));
        tx.update(INSERT_MY_NUMBER, myNumberRow(tenant, resident.id(), myNumber));
    }

    /**
     * Inserts new residents with their My Numbers: one batch per table, so that an import costs two round trips
     * per batch instead of two per resident.
     */
    public void insertAll(Tx tx, TenantCipher tenant, Map<Resident, MyNumber> residents) throws SQLException {
        long now = System.currentTimeMillis();
        List<Object[]> residentRows = new ArrayList<>(residents.size());
        List<Object[]> myNumberRows = new ArrayList<>(residents.size());
        for (Map.Entry<Resident, MyNumber> entry : residents.entrySet()) {
            residentRows.add(residentRow(tenant, entry.getKey(), now));
            myNumberRows.add(myNumberRow(tenant, entry.getKey().id(), entry.getValue()));
        }
        tx.batch(INSERT, residentRows);
        tx.batch(INSERT_MY_NUMBER, myNumberRows);
    }

    private static Object[] residentRow(TenantCipher tenant, Resident resident, long now) {
        requireSameMunicipality(tenant, resident);
        String id = resident.id();
        return new Object[] {tenant.municipality().value(), id, resident.atenaNumber(), resident.status().name(),
                seal(tenant, id, "family_name_kanji_enc", resident.nameKanji().family()),
                seal(tenant, id, "given_name_kanji_enc", resident.nameKanji().given()),
                seal(tenant, id, "family_name_kana_enc", family(resident.nameKana())),
                seal(tenant, id, "given_name_kana_enc", given(resident.nameKana())),
                seal(tenant, id, "family_name_roman_enc", family(resident.nameRoman())),
                seal(tenant, id, "given_name_roman_enc", given(resident.nameRoman())),
                seal(tenant, id, "birth_date_enc", resident.birthDate().toString()),
                seal(tenant, id, "sex_enc", resident.sex()),
                seal(tenant, id, "address_enc", resident.address()),
                seal(tenant, id, "nationality_enc", resident.nationality()),
                seal(tenant, id, "passport_number_enc", resident.passportNumber()),
                resident.variantKanji(), now, now};
    }

    /** Rewrites a resident's fields (not the My Number); returns false when no such resident is in this municipality. */
    public boolean update(Tx tx, TenantCipher tenant, Resident resident) throws SQLException {
        requireSameMunicipality(tenant, resident);
        String id = resident.id();
        return tx.update("UPDATE resident SET atena_number = ?, status = ?, family_name_kanji_enc = ?, given_name_kanji_enc = ?, "
                        + "family_name_kana_enc = ?, given_name_kana_enc = ?, family_name_roman_enc = ?, given_name_roman_enc = ?, "
                        + "birth_date_enc = ?, sex_enc = ?, address_enc = ?, nationality_enc = ?, passport_number_enc = ?, "
                        + "variant_kanji = ?, updated_at = ? WHERE municipality_code = ? AND id = ?",
                resident.atenaNumber(), resident.status().name(),
                seal(tenant, id, "family_name_kanji_enc", resident.nameKanji().family()),
                seal(tenant, id, "given_name_kanji_enc", resident.nameKanji().given()),
                seal(tenant, id, "family_name_kana_enc", family(resident.nameKana())),
                seal(tenant, id, "given_name_kana_enc", given(resident.nameKana())),
                seal(tenant, id, "family_name_roman_enc", family(resident.nameRoman())),
                seal(tenant, id, "given_name_roman_enc", given(resident.nameRoman())),
                seal(tenant, id, "birth_date_enc", resident.birthDate().toString()),
                seal(tenant, id, "sex_enc", resident.sex()),
                seal(tenant, id, "address_enc", resident.address()),
                seal(tenant, id, "nationality_enc", resident.nationality()),
                seal(tenant, id, "passport_number_enc", resident.passportNumber()),
                resident.variantKanji(), System.currentTimeMillis(), tenant.municipality().value(), id) == 1;
    }

    /** Replaces the resident's My Number. */
    public void replaceMyNumber(Tx tx, TenantCipher tenant, String residentId, MyNumber myNumber) throws SQLException {
        tx.update("DELETE FROM my_number WHERE municipality_code = ? AND resident_id = ?",
                tenant.municipality().value(), residentId);
        tx.update(INSERT_MY_NUMBER, myNumberRow(tenant, residentId, myNumber));
    }

    public boolean setStatus(Tx tx, TenantCipher tenant, String residentId, ResidentStatus status) throws SQLException {
        return tx.update("UPDATE resident SET status = ?, updated_at = ? WHERE municipality_code = ? AND id = ?",
                status.name(), System.currentTimeMillis(), tenant.municipality().value(), residentId) == 1;
    }

    /** The clerk's hold on issuing for the resident, if any (a reason code, see {@link HoldReason}). */
    public Optional<HoldReason> holdReason(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.queryOne("SELECT hold_reason FROM resident WHERE municipality_code = ? AND id = ?",
                        row -> Optional.ofNullable(row.getString(1)), tenant.municipality().value(), residentId)
                .flatMap(reason -> reason).map(HoldReason::valueOf);
    }

    /** Puts a hold with this reason on the resident, or lifts it ({@code null}); false when no such resident is here. */
    public boolean setHold(Tx tx, TenantCipher tenant, String residentId, HoldReason reason) throws SQLException {
        return tx.update("UPDATE resident SET hold_reason = ?, updated_at = ? WHERE municipality_code = ? AND id = ?",
                reason == null ? null : reason.name(), System.currentTimeMillis(), tenant.municipality().value(),
                residentId) == 1;
    }

    public Optional<Resident> findById(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM resident r WHERE r.municipality_code = ? AND r.id = ?",
                row -> map(tenant, row), tenant.municipality().value(), residentId);
    }

    public Optional<Resident> findByAtenaNumber(Tx tx, TenantCipher tenant, String atenaNumber) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM resident r WHERE r.municipality_code = ? AND r.atena_number = ?",
                row -> map(tenant, row), tenant.municipality().value(), atenaNumber);
    }

    /**
     * What an issue reads of a resident: the record, the clerk's hold, the alternative name (or null)
     * and the doses by dose number.
     */
    public record ForIssue(Resident resident, Optional<HoldReason> hold, AlternativeName alternativeName,
            List<Vaccination> doses) {
        ForIssue withDoses(List<Vaccination> theDoses) {
            return new ForIssue(resident, hold, alternativeName, List.copyOf(theDoses));
        }

        @Override
        public String toString() {
            return "ForIssue[" + resident.id() + "]";
        }
    }

    /**
     * The resident with this My Number in this municipality only (another municipality's resident is not
     * found), with {@link #holdReason}, the alternative name and the doses, in one query: on PostgreSQL
     * each query is a round trip (docs/benchmarks.md). One row per dose (one with no dose columns for a
     * resident without doses); the resident's columns repeat on each and are opened from the first.
     */
    public Optional<ForIssue> findForIssue(Tx tx, TenantCipher tenant, MyNumber myNumber) throws SQLException {
        ForIssue[] withoutDoses = new ForIssue[1]; // from the first row
        List<Vaccination> doses = new ArrayList<>();
        tx.forEach(FOR_ISSUE, row -> {
            if (withoutDoses[0] == null) {
                Resident resident = map(tenant, row);
                withoutDoses[0] = new ForIssue(resident, Optional.ofNullable(row.getString(16)).map(HoldReason::valueOf),
                        AlternativeNameRepository.mapOrNull(tenant, resident.id(), row, 17), List.of());
            }
            if (row.getString(20) != null) {
                doses.add(VaccinationRepository.map(tenant, row, 20));
            }
        }, tenant.municipality().value(), tenant.lookupMac(myNumber));
        return Optional.ofNullable(withoutDoses[0]).map(found -> found.withDoses(doses));
    }

    /** The id of the resident with this atena number in this municipality, if any. */
    public Optional<String> idOfAtenaNumber(Tx tx, TenantCipher tenant, String atenaNumber) throws SQLException {
        return tx.queryOne("SELECT id FROM resident WHERE municipality_code = ? AND atena_number = ?",
                row -> row.getString(1), tenant.municipality().value(), atenaNumber);
    }

    /** {@link #idOfAtenaNumber} for many atena numbers in one query: the ids found, by atena number. */
    public Map<String, String> idsOfAtenaNumbers(Tx tx, TenantCipher tenant, Collection<String> atenaNumbers)
            throws SQLException {
        Map<String, String> ids = new HashMap<>();
        if (atenaNumbers.isEmpty()) {
            return ids;
        }
        for (String[] row : tx.query("SELECT atena_number, id FROM resident WHERE municipality_code = ? AND atena_number IN ("
                + Tx.placeholders(atenaNumbers.size()) + ")", r -> new String[] {r.getString(1), r.getString(2)},
                Tx.municipalityAnd(tenant.municipality().value(), atenaNumbers))) {
            ids.put(row[0], row[1]);
        }
        return ids;
    }

    /** The id of the resident holding this My Number in this municipality, if any. */
    public Optional<String> residentIdOf(Tx tx, TenantCipher tenant, MyNumber myNumber) throws SQLException {
        return tx.queryOne("SELECT resident_id FROM my_number WHERE municipality_code = ? AND lookup_mac = ?",
                row -> row.getString(1), tenant.municipality().value(), tenant.lookupMac(myNumber));
    }

    /** {@link #residentIdOf} for many My Numbers in one query: the holders found, by My Number. */
    public Map<MyNumber, String> residentIdsOf(Tx tx, TenantCipher tenant, Collection<MyNumber> myNumbers)
            throws SQLException {
        Map<MyNumber, String> holders = new HashMap<>();
        if (myNumbers.isEmpty()) {
            return holders;
        }
        Map<String, MyNumber> byMac = new HashMap<>();
        List<byte[]> macs = new ArrayList<>(myNumbers.size());
        for (MyNumber myNumber : myNumbers) {
            byte[] mac = tenant.lookupMac(myNumber);
            byMac.put(HexFormat.of().formatHex(mac), myNumber);
            macs.add(mac);
        }
        for (Object[] row : tx.query("SELECT lookup_mac, resident_id FROM my_number WHERE municipality_code = ? AND lookup_mac IN ("
                + Tx.placeholders(macs.size()) + ")", r -> new Object[] {r.getBytes(1), r.getString(2)},
                Tx.municipalityAnd(tenant.municipality().value(), macs))) {
            holders.put(byMac.get(HexFormat.of().formatHex((byte[]) row[0])), (String) row[1]);
        }
        return holders;
    }

    /** {@link #findById} for many residents in one query: those found, by id. */
    public Map<String, Resident> findAllById(Tx tx, TenantCipher tenant, Collection<String> residentIds) throws SQLException {
        Map<String, Resident> found = new HashMap<>();
        if (residentIds.isEmpty()) {
            return found;
        }
        for (Resident resident : tx.query("SELECT " + COLUMNS + " FROM resident r WHERE r.municipality_code = ? AND r.id IN ("
                + Tx.placeholders(residentIds.size()) + ")", row -> map(tenant, row),
                Tx.municipalityAnd(tenant.municipality().value(), residentIds))) {
            found.put(resident.id(), resident);
        }
        return found;
    }

    /** Whether the stored My Number of the resident is this one (it is decrypted and compared in memory). */
    public boolean hasMyNumber(Tx tx, TenantCipher tenant, String residentId, MyNumber myNumber) throws SQLException {
        return tx.queryOne("SELECT my_number_enc FROM my_number WHERE municipality_code = ? AND resident_id = ?",
                        row -> row.getBytes(1), tenant.municipality().value(), residentId)
                .map(sealed -> myNumber.digits().equals(tenant.open(MY_NUMBER_TABLE, "my_number_enc", residentId, sealed)))
                .orElse(false);
    }

    /** The My Numbers these residents hold, opened, by resident id (compared in memory, as {@link #hasMyNumber} does). */
    public Map<String, MyNumber> myNumbersOf(Tx tx, TenantCipher tenant, Collection<String> residentIds) throws SQLException {
        Map<String, MyNumber> held = new HashMap<>();
        if (residentIds.isEmpty()) {
            return held;
        }
        for (Object[] row : tx.query("SELECT resident_id, my_number_enc FROM my_number WHERE municipality_code = ? "
                + "AND resident_id IN (" + Tx.placeholders(residentIds.size()) + ")",
                r -> new Object[] {r.getString(1), r.getBytes(2)},
                Tx.municipalityAnd(tenant.municipality().value(), residentIds))) {
            String id = (String) row[0];
            held.put(id, MyNumber.of(tenant.open(MY_NUMBER_TABLE, "my_number_enc", id, (byte[]) row[1])));
        }
        return held;
    }

    public long count(Tx tx, TenantCipher tenant) throws SQLException {
        return tx.queryLong("SELECT count(*) FROM resident WHERE municipality_code = ?", tenant.municipality().value());
    }

    public List<String> ids(Tx tx, TenantCipher tenant) throws SQLException {
        return tx.query("SELECT id FROM resident WHERE municipality_code = ? ORDER BY atena_number",
                row -> row.getString(1), tenant.municipality().value());
    }

    /**
     * Deletes a resident (with their My Number and doses) of this municipality; a resident of another
     * municipality is never touched. Returns false when there was no such resident here. A resident
     * with issuance records is kept (the records must stay): set a status instead.
     */
    public boolean delete(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        String code = tenant.municipality().value();
        if (tx.queryLong("SELECT count(*) FROM issuance WHERE municipality_code = ? AND resident_id = ?", code, residentId) > 0) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "resident " + residentId + " has issuance records");
        }
        tx.update("DELETE FROM my_number WHERE municipality_code = ? AND resident_id = ?", code, residentId);
        tx.update("DELETE FROM vaccination WHERE municipality_code = ? AND resident_id = ?", code, residentId);
        tx.update("DELETE FROM dose_transfer WHERE municipality_code = ? AND resident_id = ?", code, residentId);
        new AlternativeNameRepository().delete(tx, code, residentId);
        return tx.update("DELETE FROM resident WHERE municipality_code = ? AND id = ?", code, residentId) == 1;
    }

    private static Object[] myNumberRow(TenantCipher tenant, String residentId, MyNumber myNumber) {
        return new Object[] {tenant.municipality().value(), tenant.lookupMac(myNumber), residentId,
                tenant.seal(MY_NUMBER_TABLE, "my_number_enc", residentId, myNumber.digits())};
    }

    private static Resident map(TenantCipher tenant, ResultSet row) throws SQLException {
        String id = row.getString(1);
        PersonName kanji = new PersonName(open(tenant, id, "family_name_kanji_enc", row.getBytes(4)),
                open(tenant, id, "given_name_kanji_enc", row.getBytes(5)));
        return new Resident(id, tenant.municipality(), row.getString(2), ResidentStatus.valueOf(row.getString(3)), kanji,
                name(open(tenant, id, "family_name_kana_enc", row.getBytes(6)), open(tenant, id, "given_name_kana_enc", row.getBytes(7))),
                name(open(tenant, id, "family_name_roman_enc", row.getBytes(8)), open(tenant, id, "given_name_roman_enc", row.getBytes(9))),
                LocalDate.parse(open(tenant, id, "birth_date_enc", row.getBytes(10))),
                open(tenant, id, "sex_enc", row.getBytes(11)),
                open(tenant, id, "address_enc", row.getBytes(12)),
                open(tenant, id, "nationality_enc", row.getBytes(13)),
                open(tenant, id, "passport_number_enc", row.getBytes(14)),
                row.getBoolean(15));
    }

    private static PersonName name(String family, String given) {
        return family == null ? null : new PersonName(family, given == null ? "" : given);
    }

    private static String family(PersonName name) {
        return name == null ? null : name.family();
    }

    private static String given(PersonName name) {
        return name == null ? null : name.given();
    }

    private static byte[] seal(TenantCipher tenant, String id, String column, String value) {
        return tenant.seal(TABLE, column, id, value);
    }

    private static String open(TenantCipher tenant, String id, String column, byte[] sealed) {
        return tenant.open(TABLE, column, id, sealed);
    }

    private static void requireSameMunicipality(TenantCipher tenant, Resident resident) {
        if (!tenant.municipality().equals(resident.municipality())) {
            throw new IllegalArgumentException("resident belongs to another municipality");
        }
    }
}
