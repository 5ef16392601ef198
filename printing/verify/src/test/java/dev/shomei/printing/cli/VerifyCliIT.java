package dev.shomei.printing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.shc.ShcQrText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code VerifyCli} as its own process, as {@code ./shomei verify} runs it: exit status and output. */
class VerifyCliIT {
    @TempDir
    Path dir;

    record Result(int status, String output) {
    }

    private Result run(Path state, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dshomei.state=" + state, "-cp", System.getProperty("java.class.path"), VerifyCli.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    @Test
    void aQrAlteredByOneCharacterIsInvalidAndExitsNonZero() throws Exception {
        Path state = dir.resolve("state");
        PrintingFixtures fixtures = new PrintingFixtures(state.resolve("pki"));
        CertificateRenderer renderer = new CertificateRenderer(PrintingFixtures.font());
        SignedCertificate good = fixtures.sign(CertificateFixtures.domestic(3));

        Path valid = Files.write(dir.resolve("valid.pdf"), renderer.render(good));
        Result ok = run(state, valid.toString());
        assertEquals(0, ok.status(), ok.output());
        assertTrue(ok.output().contains("VALID"), ok.output());
        assertTrue(ok.output().contains("山田"), "UTF-8 output: " + ok.output());

        // one character of the QR text: the digit pair of one JWS character moves by one
        String qr = ShcQrText.encode(good.smartHealthCard());
        int position = qr.length() / 2 & ~1; // the first digit of a pair
        char low = qr.charAt(position + 1);
        String alteredQr = qr.substring(0, position + 1) + (low == '0' ? '1' : (char) (low - 1))
                + qr.substring(position + 2);
        String alteredJws = ShcQrText.decode(alteredQr);
        Path altered = Files.write(dir.resolve("altered.pdf"),
                renderer.render(new SignedCertificate(good.content(), alteredJws, null)));
        Result bad = run(state, altered.toString());
        assertEquals(1, bad.status(), bad.output());
        assertTrue(bad.output().contains("INVALID"), bad.output());
    }
}
