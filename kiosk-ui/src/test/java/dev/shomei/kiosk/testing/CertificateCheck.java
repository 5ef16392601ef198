package dev.shomei.kiosk.testing;

import dev.shomei.printing.verify.CertificateVerifier;
import dev.shomei.printing.verify.QrScanner;
import dev.shomei.printing.verify.ScannedQr;
import dev.shomei.printing.verify.TrustSources;
import dev.shomei.printing.verify.Verdict;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcVerifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./shomei verify FILE.pdf} does with the dev PKI's trust: rasterise every page, find
 * every QR code, verify each (SMART Health Card against the issuer keys, VDS-NC against the CSCA).
 */
public final class CertificateCheck {
    private CertificateCheck() {
    }

    public static List<Verdict> verify(byte[] pdf, DevPki pki) throws IOException {
        CertificateVerifier verifier = new CertificateVerifier(new SmartHealthCardVerifier(TrustSources.devJwks(pki)),
                new VdsNcVerifier(List.of(pki.vdsCscaCertificate())));
        List<Verdict> verdicts = new ArrayList<>();
        for (ScannedQr code : new QrScanner().scan(pdf)) {
            verdicts.add(verifier.verify(code));
        }
        return verdicts;
    }

    /**
     * What a PDF's QR codes say (holder, doses), one statement a line; empty when it has none that
     * can be read. The leftover scans use it to recognise a resident's certificate anywhere.
     */
    public static String whatItSays(byte[] pdf, DevPki pki) {
        try {
            StringBuilder says = new StringBuilder();
            for (Verdict verdict : verify(pdf, pki)) {
                verdict.statements().forEach(line -> says.append(line).append('\n'));
            }
            return says.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
