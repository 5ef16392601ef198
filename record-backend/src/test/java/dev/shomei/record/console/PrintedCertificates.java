package dev.shomei.record.console;

import dev.shomei.printing.verify.CertificateVerifier;
import dev.shomei.printing.verify.QrScanner;
import dev.shomei.printing.verify.RevocationLists;
import dev.shomei.printing.verify.ScannedQr;
import dev.shomei.printing.verify.TrustSources;
import dev.shomei.printing.verify.Verdict;
import dev.shomei.protocol.shc.ShcQrText;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcVerifier;
import dev.shomei.record.revoke.TrustDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a printed certificate as a verifier does (the {@code verify} CLI's library): the QR codes are
 * read from the PDF's pixels, their signatures verified with the dev issuer keys, and revocation looked
 * up in the lists the fixture's backend publishes now (written to files, as the CLI reads them).
 */
final class PrintedCertificates {
    private PrintedCertificates() {
    }

    static List<Verdict> verify(ConsoleFixture fixture, byte[] pdf, Path dir) throws Exception {
        List<ScannedQr> codes = new QrScanner(200).scanPdf(pdf);
        SmartHealthCardVerifier shc = new SmartHealthCardVerifier(TrustSources.devJwks(fixture.pki));
        VdsNcVerifier vds = new VdsNcVerifier(List.of(fixture.pki.vdsCscaCertificate()));
        TrustDocuments published = new TrustDocuments(fixture.store.database(), fixture.keys, fixture.clock);
        Files.createDirectories(dir);
        List<Path> shcLists = new ArrayList<>();
        for (ScannedQr code : codes) {
            if (code.text().startsWith(ShcQrText.PREFIX)) {
                String kid = shc.verify(ShcQrText.decode(code.text())).kid();
                Path file = dir.resolve("crl-" + kid + ".json");
                Files.writeString(file, published.shcRevocationList(kid).orElseThrow(), StandardCharsets.UTF_8);
                shcLists.add(file);
            }
        }
        Path vdsList = dir.resolve("vds-nc-revoked.json");
        Files.writeString(vdsList, published.vdsNcRevocationList().orElseThrow(), StandardCharsets.UTF_8);
        CertificateVerifier verifier = new CertificateVerifier(shc, vds, RevocationLists.files(shcLists, vdsList, vds));
        return codes.stream().map(verifier::verify).toList();
    }
}
