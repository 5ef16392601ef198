package dev.shomei.system;

import dev.shomei.record.generate.BuiltInMunicipalities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The center's municipality overrides ({@code municipalities.json}) that keep the demo wards open all
 * day (opening = closing time), so that no system test depends on the hour it runs at: the demo
 * data's 06:30-23:00 Japan time refuses every issuance from 14:00 to 21:30 UTC. Participation and
 * overseas certificates stay as the demo data has them.
 */
public final class OpenAllDay {
    private OpenAllDay() {
    }

    /** Writes the overrides into the center's configuration directory ({@code <state>/center}). */
    public static void write(Path centerDir) throws IOException {
        String overrides = BuiltInMunicipalities.all().stream()
                .map(m -> "{\"code\":\"%s\",\"participating\":%s,\"offersOverseas\":%s,\"opensAt\":\"00:00\",\"closesAt\":\"00:00\"}"
                        .formatted(m.code().value(), m.kioskParticipating(), m.offersOverseas()))
                .collect(Collectors.joining(",", "{\"overrides\":[", "]}"));
        Files.createDirectories(centerDir);
        Files.writeString(centerDir.resolve("municipalities.json"), overrides);
    }
}
