package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.MUNICIPALITIES_MAX;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** center -> kiosk: the participating municipalities, in the order the kiosk shows them. */
public record MunicipalityListResponse(List<MunicipalityInfo> municipalities) implements LineMessage {

    public MunicipalityListResponse {
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
        return MessageType.MUNICIPALITY_LIST_RESPONSE;
    }
}
