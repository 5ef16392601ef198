package dev.shomei.printing.testing;

import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.sign.CertificateSigner;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.EcShcSigner;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import dev.shomei.protocol.vds.VdsNcSealer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/** The font, a throw-away dev PKI and signed certificates for printing tests. */
public final class PrintingFixtures {
    public static final String ISSUER = "https://issuer.shomei.example";
    private static CertificateFont font;
    private static CertificateFont bodyFont;

    private final DevPki pki;
    private final EcShcSigner shcKey;
    private final CertificateSigner signer;

    public PrintingFixtures(Path dir) {
        this.pki = DevPki.ensure(dir);
        this.shcKey = new EcShcSigner(pki.shcIssuerKey());
        this.signer = new CertificateSigner(new SmartHealthCardIssuer(ISSUER, shcKey),
                new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate()));
    }

    public DevPki pki() {
        return pki;
    }

    public Jwks jwks() {
        return Jwks.of(shcKey.jwk());
    }

    public SignedCertificate sign(CertificateContent content) {
        return signer.sign(content, Instant.now().minusSeconds(60));
    }

    /**
     * The Japanese font of {@code -Dshomei.font}. Missing font: the test fails under CI=true and is
     * skipped otherwise, with the reason.
     */
    public static synchronized CertificateFont font() {
        if (font == null) {
            String path = System.getProperty("shomei.font");
            if (path == null || !Files.isRegularFile(Path.of(path))) {
                String message = "no Japanese font at -Dshomei.font=" + path + " (./shomei test installs one)";
                if (isCi()) {
                    throw new AssertionError(message);
                }
                Assumptions.abort(message);
            }
            font = CertificateFont.fromSystemProperty(); // with the name font of -Dshomei.nameFont when present
        }
        return font;
    }

    /** The body font of {@code -Dshomei.font} alone, without the name font (tests of one font's subset). */
    public static synchronized CertificateFont bodyFont() {
        if (bodyFont == null) {
            font(); // fails or skips with the reason when the font is missing
            bodyFont = CertificateFont.load(Path.of(System.getProperty("shomei.font")));
        }
        return bodyFont;
    }

    /**
     * The fonts with the name font (IPAmj明朝, -Dshomei.nameFont) behind the body font. Missing name
     * font: fails under CI=true, skipped otherwise.
     */
    public static CertificateFont fontWithNames() {
        CertificateFont chain = font();
        if (chain.faceCount() < 2) {
            String message = "no name font at -Dshomei.nameFont=" + System.getProperty("shomei.nameFont")
                    + " (install fonts-ipamj-mincho; ./shomei test copies it)";
            if (isCi()) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return chain;
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getProperty("CI"));
    }

}
