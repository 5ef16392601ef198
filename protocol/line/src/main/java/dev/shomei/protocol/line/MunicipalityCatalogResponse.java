package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.MUNICIPALITIES_MAX;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * center -> kiosk: every municipality, participating or not, with its reading, in the order the
 * kiosk shows them (prefecture code, then the reading in gojūon order).
 */
public record MunicipalityCatalogResponse(List<MunicipalityInfo> municipalities) implements LineMessage {

    public MunicipalityCatalogResponse {
        municipalities = List.copyOf(Checks.present("municipalities", municipalities));
        Checks.range("municipalities.size", municipalities.size(), 0, MUNICIPALITIES_MAX);
        Set<String> codes = new HashSet<>();
        for (MunicipalityInfo municipality : municipalities) {
            if (!codes.add(municipality.code())) {
                throw new IllegalArgumentException("municipalities must not repeat a code");
            }
        }
    }

    @Override
    public MessageType type() {
        return MessageType.MUNICIPALITY_CATALOG_RESPONSE;
    }
}
