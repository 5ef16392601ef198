package dev.shomei.center.municipality;

import java.util.List;

/**
 * Where the municipality settings live. The record backend holds them (each municipality's own
 * record system knows whether it takes part); the catalog caches them for the kiosks.
 */
public interface MunicipalitySource {
    /**
     * Every municipality.
     *
     * @throws dev.shomei.protocol.ShomeiException BACKEND_UNAVAILABLE when the source cannot be reached
     */
    List<MunicipalitySettings> load();

    /** Stores changed participation, fee or hours; returns what was stored. */
    MunicipalitySettings save(MunicipalitySettings settings);
}
