package dev.shomei.center.municipality;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The municipalities kiosks can choose, cached from a {@link MunicipalitySource}, laid over Japan's
 * national list ({@link NationalMunicipalities}): a municipality takes part only when the record
 * backend has an area for it and the operator has it enabled; every other one is listed as not
 * taking part, so the resident learns that plainly at the kiosk. A timer calls
 * {@link #refresh()}; when the source is down the last good list keeps serving (a kiosk should not
 * go dark because the record system hiccups; the issue itself will then fail with
 * BACKEND_UNAVAILABLE). Before the first successful load every read fails with BACKEND_UNAVAILABLE.
 */
public final class MunicipalityCatalog {
    private static final System.Logger LOG = System.getLogger(MunicipalityCatalog.class.getName());

    /** The hours a municipality without a backend area is listed with (meaningless: it does not take part). */
    private static final LocalTime NO_HOURS = LocalTime.MIDNIGHT;

    private final MunicipalitySource source;
    private final List<NationalMunicipality> national;
    private volatile Map<String, MunicipalitySettings> cache;

    public MunicipalityCatalog(MunicipalitySource source) {
        this(source, NationalMunicipalities.shipped());
    }

    public MunicipalityCatalog(MunicipalitySource source, List<NationalMunicipality> national) {
        this.source = source;
        this.national = List.copyOf(national);
    }

    /** Reloads from the source; returns whether it succeeded (the old list stays otherwise). */
    public boolean refresh() {
        try {
            List<MunicipalitySettings> loaded = new ArrayList<>(source.load());
            loaded.sort(Comparator.comparing(MunicipalitySettings::code));
            Map<String, MunicipalitySettings> next = new LinkedHashMap<>();
            for (MunicipalitySettings settings : loaded) {
                next.put(settings.code(), settings);
            }
            cache = java.util.Collections.unmodifiableMap(next);
            return true;
        } catch (ShomeiException e) {
            LOG.log(System.Logger.Level.WARNING, "municipality list not refreshed: {0}", e.code());
            return false;
        }
    }

    /** Every municipality, in code order. */
    public List<MunicipalitySettings> all() {
        return List.copyOf(loaded().values());
    }

    public Optional<MunicipalitySettings> find(String code) {
        return Optional.ofNullable(loaded().get(code));
    }

    /** What a kiosk shows: participating municipalities only. */
    public List<MunicipalityInfo> forKiosks() {
        List<MunicipalityInfo> infos = new ArrayList<>();
        for (MunicipalitySettings settings : loaded().values()) {
            if (settings.participating()) {
                infos.add(settings.toLineInfo());
            }
        }
        return infos;
    }

    /**
     * Every municipality of Japan for the kiosk's chooser: the national list with the backend's
     * municipalities (names and terms) laid over it, and any backend municipality the national list
     * lacks; in prefecture order, then by reading in gojūon order ({@link KanaOrder}).
     */
    public List<MunicipalityInfo> nationwide() {
        Map<String, MunicipalitySettings> withArea = loaded();
        Map<String, MunicipalityInfo> byCode = new LinkedHashMap<>();
        for (NationalMunicipality m : national) {
            MunicipalitySettings settings = withArea.get(m.code());
            byCode.put(m.code(), settings != null ? info(settings, m.kana())
                    : new MunicipalityInfo(m.code(), m.name(), "", 0, NO_HOURS, NO_HOURS,
                            EnumSet.of(CertificateType.DOMESTIC), m.kana(), false));
        }
        for (MunicipalitySettings settings : withArea.values()) {
            byCode.putIfAbsent(settings.code(), info(settings, ""));
        }
        Comparator<String> kana = KanaOrder.readings();
        List<MunicipalityInfo> ordered = new ArrayList<>(byCode.values());
        ordered.sort(Comparator.comparing(MunicipalityInfo::prefectureCode)
                .thenComparing(MunicipalityInfo::nameKana, kana)
                .thenComparing(MunicipalityInfo::code));
        return ordered;
    }

    private static MunicipalityInfo info(MunicipalitySettings settings, String kana) {
        MunicipalityInfo terms = settings.toLineInfo();
        return new MunicipalityInfo(terms.code(), terms.nameJa(), terms.nameEn(), terms.feePerCopyYen(),
                terms.opensAt(), terms.closesAt(), terms.certificateTypes(), kana, settings.participating());
    }

    /** Stores new terms at the source and updates the cache. */
    public MunicipalitySettings update(MunicipalitySettings settings) {
        MunicipalitySettings stored = source.save(settings);
        Map<String, MunicipalitySettings> next = new LinkedHashMap<>(loaded());
        next.put(stored.code(), stored);
        cache = java.util.Collections.unmodifiableMap(next);
        LOG.log(System.Logger.Level.INFO, "municipality {0}: participating={1} overseas={2} fee={3} hours={4}-{5}",
                stored.code(), stored.participating(), stored.offersOverseas(), stored.feePerCopyYen(),
                stored.opensAt(), stored.closesAt());
        return stored;
    }

    private Map<String, MunicipalitySettings> loaded() {
        Map<String, MunicipalitySettings> current = cache;
        if (current == null && refresh()) {
            current = cache;
        }
        if (current == null) {
            throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "the municipality list has not been loaded yet");
        }
        return current;
    }
}
