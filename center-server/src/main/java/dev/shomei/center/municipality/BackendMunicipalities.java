package dev.shomei.center.municipality;

import dev.shomei.center.config.WatchedJsonFile;
import dev.shomei.center.issue.RecordBackend;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.MunicipalityList;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The municipalities as the record backend lists them (codes, names and each municipality's own
 * terms), with the operators' changes from the console laid over them. The backend's API has no
 * way to change a municipality, so the operators' terms live in the center's configuration,
 * {@code municipalities.json}; a municipality the backend refuses stays refused there too. The fee
 * is never overridden here: it is the municipality's, recorded with each issuance at the backend,
 * and the one amount the kiosk charges.
 *
 * <pre>{"overrides":[{"code":"131059","participating":true,"offersOverseas":true,"opensAt":"06:30","closesAt":"23:00"}]}</pre>
 */
public final class BackendMunicipalities implements MunicipalitySource {
    private final RecordBackend backend;
    private final WatchedJsonFile<OverridesFile> overrides;

    public BackendMunicipalities(RecordBackend backend, Path overridesFile) {
        this.backend = backend;
        this.overrides = new WatchedJsonFile<>(overridesFile, OverridesFile.class, new OverridesFile(List.of()), false);
    }

    @Override
    public List<MunicipalitySettings> load() {
        MunicipalityList list = backend.municipalities();
        Map<String, Terms> byCode = overridesByCode();
        List<MunicipalitySettings> settings = new ArrayList<>();
        for (MunicipalityList.Entry entry : list.municipalities()) {
            try {
                MunicipalitySettings fromBackend = new MunicipalitySettings(entry.code(), entry.nameJa(), entry.nameEn(),
                        entry.kioskParticipating(), entry.offersOverseas(), entry.feePerCopyYen(),
                        LocalTime.parse(entry.opensAt()), LocalTime.parse(entry.closesAt()));
                Terms override = byCode.get(entry.code());
                settings.add(override == null ? fromBackend : override.applyTo(fromBackend));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE,
                        "the backend listed a malformed municipality " + entry.code());
            }
        }
        return settings;
    }

    @Override
    public MunicipalitySettings save(MunicipalitySettings settings) {
        Terms override = Terms.of(settings);
        overrides.update(current -> {
            List<Terms> next = new ArrayList<>();
            for (Terms existing : current.overrides() == null ? List.<Terms>of() : current.overrides()) {
                if (!existing.code().equals(settings.code())) {
                    next.add(existing);
                }
            }
            next.add(override);
            return new OverridesFile(next);
        });
        return settings;
    }

    private Map<String, Terms> overridesByCode() {
        Map<String, Terms> map = new LinkedHashMap<>();
        OverridesFile file = overrides.get();
        for (Terms override : file.overrides() == null ? List.<Terms>of() : file.overrides()) {
            map.put(override.code(), override);
        }
        return map;
    }

    record OverridesFile(List<Terms> overrides) {
    }

    /**
     * An operator's terms. No fee: the fee is the municipality's own, set at the record backend, so a
     * {@code feePerCopyYen} in a file written before is read and ignored (unknown properties are).
     */
    record Terms(String code, boolean participating, boolean offersOverseas, String opensAt, String closesAt) {
        MunicipalitySettings applyTo(MunicipalitySettings base) {
            return base.withTerms(participating, offersOverseas, base.feePerCopyYen(), LocalTime.parse(opensAt),
                    LocalTime.parse(closesAt));
        }

        static Terms of(MunicipalitySettings s) {
            return new Terms(s.code(), s.participating(), s.offersOverseas(), s.opensAt().toString(),
                    s.closesAt().toString());
        }
    }
}
