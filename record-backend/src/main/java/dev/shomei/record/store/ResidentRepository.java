package dev.shomei.record.store;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.HoldReason;
import dev.shomei.record.domain.ResidentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
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

    /** Inserts a resident with their My Number. */
    public void insert(Tx tx, TenantCipher tenant, Resident resident, MyNumber myNumber) throws SQLException {
        requireSameMunicipality(tenant, resident);
        long now = System.currentTimeMillis();
        String id = resident.id();
        tx.update("INSERT INTO resident (municipality_code, id, atena_number, status, family_name_kanji_enc, "
                        + "given_name_kanji_enc, family_name_kana_enc, given_name_kana_enc, family_name_roman_enc, "
                        + "given_name_roman_enc, birth_date_enc, sex_enc, address_enc, nationality_enc, passport_number_enc, "
                        + "variant_kanji, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.municipality().value(), id, resident.atenaNumber(), resident.status().name(),
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
                resident.variantKanji(), now, now);
        insertMyNumber(tx, tenant, id, myNumber);
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
        insertMyNumber(tx, tenant, residentId, myNumber);
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

    /** The id of the resident with this atena number in this municipality, if any. */
    public Optional<String> idOfAtenaNumber(Tx tx, TenantCipher tenant, String atenaNumber) throws SQLException {
        return tx.queryOne("SELECT id FROM resident WHERE municipality_code = ? AND atena_number = ?",
                row -> row.getString(1), tenant.municipality().value(), atenaNumber);
    }

    /** The resident with this My Number in this municipality only: another municipality's resident is not found. */
    public Optional<Resident> findByMyNumber(Tx tx, TenantCipher tenant, MyNumber myNumber) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM my_number m JOIN resident r "
                        + "ON r.municipality_code = m.municipality_code AND r.id = m.resident_id "
                        + "WHERE m.municipality_code = ? AND m.lookup_mac = ?",
                row -> map(tenant, row), tenant.municipality().value(), tenant.lookupMac(myNumber));
    }

    /** The id of the resident holding this My Number in this municipality, if any. */
    public Optional<String> residentIdOf(Tx tx, TenantCipher tenant, MyNumber myNumber) throws SQLException {
        return tx.queryOne("SELECT resident_id FROM my_number WHERE municipality_code = ? AND lookup_mac = ?",
                row -> row.getString(1), tenant.municipality().value(), tenant.lookupMac(myNumber));
    }

    /** Whether the stored My Number of the resident is this one (it is decrypted and compared in memory). */
    public boolean hasMyNumber(Tx tx, TenantCipher tenant, String residentId, MyNumber myNumber) throws SQLException {
        return tx.queryOne("SELECT my_number_enc FROM my_number WHERE municipality_code = ? AND resident_id = ?",
                        row -> row.getBytes(1), tenant.municipality().value(), residentId)
                .map(sealed -> myNumber.digits().equals(tenant.open(MY_NUMBER_TABLE, "my_number_enc", residentId, sealed)))
                .orElse(false);
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

    private static void insertMyNumber(Tx tx, TenantCipher tenant, String residentId, MyNumber myNumber) throws SQLException {
        tx.update("INSERT INTO my_number (municipality_code, lookup_mac, resident_id, my_number_enc) VALUES (?, ?, ?, ?)",
                tenant.municipality().value(), tenant.lookupMac(myNumber), residentId,
                tenant.seal(MY_NUMBER_TABLE, "my_number_enc", residentId, myNumber.digits()));
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
