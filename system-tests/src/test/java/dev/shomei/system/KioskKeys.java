package dev.shomei.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A kiosk's own key directory, as provisioning leaves it on a real kiosk: its key, its certificate
 * and the CA certificate, and nothing else (no CA key, no other terminal's key). Copied from the
 * test's dev PKI, so the kiosk runs in production mode ({@code kiosk serve --keys DIR}, no {@code --demo}).
 */
final class KioskKeys {
    private KioskKeys() {
    }

    static Path provision(Path pki, String terminal, Path out) throws IOException {
        Files.createDirectories(out.resolve("terminals"));
        Files.copy(pki.resolve("ca.crt"), out.resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {".crt", ".key"}) {
            Files.copy(pki.resolve("terminals").resolve(terminal + suffix), out.resolve("terminals").resolve(terminal + suffix),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }
}
