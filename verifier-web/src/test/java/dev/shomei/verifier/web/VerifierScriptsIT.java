package dev.shomei.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.vds.Jcs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's modules (js/*.js) called directly in Chromium, without the camera: the parts the camera
 * tests do not reach (the rid time suffix, list signatures, canonical forms), with certificates and
 * lists made by the project's Java code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifierScriptsIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String RID = "c2NyaXB0LXJpZA";

    @TempDir
    static Path dir;
    private TestCertificates issuer;
    private VerifierServer server;
    private Playwright playwright;
    private Browser browser;
    private Page page;

    @BeforeAll
    void start() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium)";
            if (PrintingFixtures.isCi()) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        issuer = new TestCertificates(dir.resolve("pki"));
        server = new VerifierServer();
        server.put("/.well-known/jwks.json", issuer.jwks());
        server.put("/trust/vds-nc/csca.crt", issuer.cscaPem());
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
        page = browser.newPage();
        page.navigate(server.origin() + "/verify/");
        page.waitForSelector("body[data-ready=true]");
    }

    @AfterAll
    void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The verdict of {@code text} with the trust material as the server has it now. */
    private String verdict(String text) {
        return (String) page.evaluate("""
                async (text) => {
                  const { loadTrust } = await import('./js/trust.js');
                  const { verifyText } = await import('./js/verifier.js');
                  const result = await verifyText(text, await loadTrust(location.origin));
                  return result.verdict + ':' + result.reason.key;
                }""", text);
    }

    private String shcText(String jws) {
        return (String) page.evaluate("(jws) => 'shc:/' + [...jws].map(c => String(c.charCodeAt(0) - 45).padStart(2, '0')).join('')",
                jws);
    }

    @Test
    void ridWithATimeSuffixRevokesOnlyCardsIssuedBeforeIt() {
        String jws = issuer.sign(CertificateFixtures.domestic(2), RID).smartHealthCard();
        long nbf = TestCertificates.notBefore(jws);
        String crl = "/.well-known/crl/" + issuer.kid() + ".json";
        server.put(crl, issuer.shcRevocationList(3, List.of(RID + "." + (nbf + 3600))));
        assertEquals("revoked:shcRevoked", verdict(shcText(jws)));
        server.put(crl, issuer.shcRevocationList(4, List.of(RID + "." + (nbf - 3600))));
        assertEquals("valid:shcValid", verdict(shcText(jws)));
        server.put(crl, issuer.shcRevocationList(5, List.of(RID)));
        assertEquals("revoked:shcRevoked", verdict(shcText(jws)));
        server.put(crl, issuer.shcRevocationList(6, List.of("b3RoZXI")));
        assertEquals("valid:shcValid", verdict(shcText(jws)));
        server.remove(crl);
        assertEquals("unchecked:revocationNotChecked", verdict(shcText(jws)));
    }

    @Test
    void aVdsNcRevocationListWhoseSignatureFailsIsNotBelieved() {
        String seal = issuer.sign(TestCertificates.overseas("JP0000000007"), RID).vdsNc();
        String list = "/trust/vds-nc/revoked.json";
        server.put(list, issuer.vdsRevocationList(1, List.of("JP0000000007")));
        assertEquals("revoked:vdsRevoked", verdict(seal));
        server.put(list, issuer.vdsRevocationList(2, List.of("JP0000000008")));
        assertEquals("valid:vdsValid", verdict(seal));
        // a list changed after signing (an id taken out) is ignored: revocation not checked
        String altered = new String(issuer.vdsRevocationList(3, List.of("JP0000000007", "JP0000000008")),
                StandardCharsets.UTF_8).replace("\"JP0000000007\",", "");
        server.put(list, altered.getBytes(StandardCharsets.UTF_8));
        assertEquals("unchecked:revocationNotChecked", verdict(seal));
        server.remove(list);
        assertEquals("unchecked:revocationNotChecked", verdict(seal));
    }

    @Test
    void keysThatCouldNotBeLoadedAreSaidSo() {
        String signed = issuer.sign(TestCertificates.overseas("JP0000000009"), RID).smartHealthCard();
        String seal = issuer.sign(TestCertificates.overseas("JP0000000009"), RID).vdsNc();
        server.remove("/.well-known/jwks.json");
        server.remove("/trust/vds-nc/csca.crt");
        try {
            assertEquals("unknown-issuer:trustUnavailable", verdict(shcText(signed)));
            assertEquals("unknown-issuer:trustUnavailable", verdict(seal));
        } finally {
            server.put("/.well-known/jwks.json", issuer.jwks());
            server.put("/trust/vds-nc/csca.crt", issuer.cscaPem());
        }
        assertEquals("unchecked:revocationNotChecked", verdict(seal), "with the keys back, only the list is missing");
    }

    @Test
    void canonicalFormEqualsTheJavaJcs() {
        // RFC 8785 section 3.2.2's input: numbers, escapes, non-ASCII
        String input = """
                {"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],
                 "string":"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                 "literals":[null,true,false],"\\u00e9":"é","\\ud83d\\ude00":1,"a":{"z":1,"b":[{"y":2,"c":3}]}}""";
        Object js = page.evaluate("async (text) => (await import('./js/jcs.js')).canonicalize(JSON.parse(text))", input);
        assertEquals(Jcs.canonicalize(input), js);
    }

    @Test
    void base64UrlAcceptsOnlyTheCanonicalForm() {
        String decode = "async (text) => { const b = (await import('./js/bytes.js')).base64UrlDecode(text);"
                + " return b === null ? null : String.fromCharCode(...b); }";
        assertEquals("A", page.evaluate(decode, "QQ"));
        assertNull(page.evaluate(decode, "QR"), "unused low bits set");
        assertNull(page.evaluate(decode, "QQ=="), "padding");
        assertNull(page.evaluate(decode, "Q+"), "base64, not base64url");
    }

    @Test
    void anythingElseIsNotACertificate() {
        assertEquals("invalid:notCertificate", verdict("https://example.com/"));
        assertEquals("invalid:shcChunked", verdict("shc:/1/2/5676"));
        assertEquals("invalid:vdsMalformed", verdict("{\"data\":{},\"data\":{}}"));
    }
}
