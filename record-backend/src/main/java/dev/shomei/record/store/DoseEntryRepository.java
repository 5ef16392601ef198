package dev.shomei.record.store;

import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a clerk's hand entry adds to a dose (issue 21): the vaccination site (接種会場), sealed, in its own
 * table; and the removal of one wrong dose. Every statement filters by the municipality of the
 * {@link TenantCipher}. The dose's own columns are read and written only through {@link VaccinationRepository}.
 */
public final class DoseEntryRepository {
    private static final String TABLE = "dose_site";

    /** Records (or replaces) where the dose was given. */
    public void setSite(Tx tx, TenantCipher tenant, String residentId, String vaccinationId, String site) throws SQLException {
        String code = tenant.municipality().value();
        tx.update("DELETE FROM dose_site WHERE municipality_code = ? AND vaccination_id = ?", code, vaccinationId);
        tx.update("INSERT INTO dose_site (municipality_code, vaccination_id, resident_id, site_enc, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", code, vaccinationId, residentId,
                tenant.seal(TABLE, "site_enc", vaccinationId, site), System.currentTimeMillis());
    }

    /** The sites of the resident's doses that have one, by vaccination id. */
    public Map<String, String> sites(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        Map<String, String> sites = new LinkedHashMap<>();
        tx.query("SELECT vaccination_id, site_enc FROM dose_site WHERE municipality_code = ? AND resident_id = ?", row -> {
            sites.put(row.getString(1), tenant.open(TABLE, "site_enc", row.getString(1), row.getBytes(2)));
            return null;
        }, tenant.municipality().value(), residentId);
        return sites;
    }

    public Optional<String> site(Tx tx, TenantCipher tenant, String residentId, String vaccinationId) throws SQLException {
        return Optional.ofNullable(sites(tx, tenant, residentId).get(vaccinationId));
    }

    /** Removes one dose of the resident (and its site); false when there is no such dose here. */
    public boolean removeDose(Tx tx, TenantCipher tenant, String residentId, String vaccinationId) throws SQLException {
        String code = tenant.municipality().value();
        tx.update("DELETE FROM dose_site WHERE municipality_code = ? AND vaccination_id = ?", code, vaccinationId);
        tx.update("DELETE FROM dose_transfer WHERE municipality_code = ? AND vaccination_id = ?", code, vaccinationId);
        return tx.update("DELETE FROM vaccination WHERE municipality_code = ? AND resident_id = ? AND id = ?",
                code, residentId, vaccinationId) == 1;
    }

    /** Removes the sites of every dose of the resident (before the resident is deleted). */
    public int removeSites(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.update("DELETE FROM dose_site WHERE municipality_code = ? AND resident_id = ?",
                tenant.municipality().value(), residentId);
    }
}
