package dev.shomei.center.municipality;

import java.time.LocalTime;
import java.util.List;

/**
 * Demo only ({@code center serve --demo --open-all-day}, which {@code ./shomei demo} passes): every
 * municipality of the wrapped source is open all day (opening = closing time), so that the demo
 * issues at any hour; the demo wards' real hours (06:30-23:00 Japan time) refuse everything at
 * night. Participation, fees and certificate types stay as the source has them; what the console
 * saves is stored as set, but hours saved there do not apply while this is on.
 */
public final class OpenAllDayMunicipalities implements MunicipalitySource {
    private final MunicipalitySource source;

    public OpenAllDayMunicipalities(MunicipalitySource source) {
        this.source = source;
    }

    @Override
    public List<MunicipalitySettings> load() {
        return source.load().stream().map(OpenAllDayMunicipalities::allDay).toList();
    }

    /** Stores the terms as set; returns them open all day, as the catalog then serves them. */
    @Override
    public MunicipalitySettings save(MunicipalitySettings settings) {
        return allDay(source.save(settings));
    }

    private static MunicipalitySettings allDay(MunicipalitySettings m) {
        return m.withTerms(m.participating(), m.offersOverseas(), m.feePerCopyYen(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }
}
