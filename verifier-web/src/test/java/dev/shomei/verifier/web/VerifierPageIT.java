package dev.shomei.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.SignedCertificate;
import java.io.IOException;
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
 * The verifier page in real Chromium, its camera fed a video of a printed certificate: the project's
 * signers and dev PKI sign, the project's renderer makes the PDF, PDFBox rasterises it, and
 * {@link FakeCamera} turns it into the Y4M video Chromium's fake camera plays. Each case asserts the
 * verdict on the screen. Saves the screenshots of docs/verifier.md (phone size, 390x844).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifierPageIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("shomei.root", ".."))
            .resolve("docs/images/verifier");
    private static final String VALID_RID = "dmFsaWQtcmlkLTAx";
    private static final String REVOKED_RID = "cmV2b2tlZC1yaWQtMDE";
    private static final String REVOKED_UVCI = "JP0000000099";

    @TempDir
    static Path dir;
    private TestCertificates issuer;
    private TestCertificates stranger;
    private CertificateRenderer renderer;
    private VerifierServer server;
    private Playwright playwright;
    /** What the page of the last {@link #scan} wrote to the console, and every URL it requested. */
    private final List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium)";
            if (PrintingFixtures.isCi()) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        renderer = new CertificateRenderer(PrintingFixtures.font());
        issuer = new TestCertificates(dir.resolve("pki"));
        stranger = new TestCertificates(dir.resolve("unknown-pki"));
        server = new VerifierServer();
        publishTrust();
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    private void publishTrust() {
        server.put("/.well-known/jwks.json", issuer.jwks());
        server.put("/.well-known/crl/" + issuer.kid() + ".json",
                issuer.shcRevocationList(1, List.of(REVOKED_RID, "b2xkLXJpZA.1000000000")));
        server.put("/trust/vds-nc/csca.crt", issuer.cscaPem());
        server.put("/trust/vds-nc/revoked.json", issuer.vdsRevocationList(1, List.of(REVOKED_UVCI)));
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

    /** The page after scanning {@code certificate}'s printout; the caller closes the browser. */
    private Page scan(SignedCertificate certificate, String locale, String name) {
        return scan(certificate, locale, name, null);
    }

    /** Also saves the start screen as {@code startScreenshot} (when not null) before scanning. */
    private Page scan(SignedCertificate certificate, String locale, String name, String startScreenshot) {
        Path video = FakeCamera.writeY4m(FakeCamera.qrArea(renderer.render(certificate)), dir.resolve(name + ".y4m"));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                        "--use-file-for-fake-video-capture=" + video)));
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale(locale).setPermissions(List.of("camera")));
        Page page = context.newPage();
        console.clear();
        requests.clear();
        page.onConsoleMessage(message -> console.add(message.text()));
        page.onRequest(request -> requests.add(request.url()));
        page.navigate(server.origin() + "/verify/");
        page.waitForSelector("body[data-ready=true]");
        if (startScreenshot != null) {
            screenshot(page, startScreenshot);
        }
        page.click("#scan");
        page.waitForSelector("#result:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(60_000));
        return page;
    }

    private static void assertVerdict(Page page, String verdict, String title, List<String> codeVerdicts) {
        assertEquals(verdict, page.getAttribute("#verdict", "data-verdict"));
        assertEquals(title, page.textContent("#verdict-title"));
        assertTrue(page.isVisible("#verdict-title"));
        assertEquals(codeVerdicts, page.locator("#codes li").all().stream()
                .map(li -> li.getAttribute("data-kind") + ":" + li.getAttribute("data-verdict")).sorted().toList());
        // the camera is off once there is a result
        assertEquals(Boolean.TRUE, page.evaluate("() => document.getElementById('video').srcObject === null"));
    }

    private void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void validDomestic() {
        Page page = scan(issuer.sign(CertificateFixtures.domestic(3), VALID_RID), "en-US", "valid-domestic",
                "start-en");
        try {
            assertVerdict(page, "valid", "VALID", List.of("shc:valid"));
            assertEquals("山田 太郎", page.textContent("#person-name"));
            assertEquals("1980-01-01", page.textContent("#person-birth-date"));
            assertEquals(List.of("1", "2021-06-01", "COMIRNATY", "FA1234"),
                    page.locator("#doses tbody tr").first().locator("td").allTextContents());
            assertEquals(3, page.locator("#doses tbody tr").count());
            assertNothingStored(page);
            // nothing written to the console; nothing requested but the page's files and the trust material
            assertEquals(List.of(), console);
            String origin = server.origin();
            assertEquals(List.of(), requests.stream().filter(url -> !url.startsWith(origin + "/verify/")
                    && !url.equals(origin + "/.well-known/jwks.json")
                    && !url.equals(origin + "/.well-known/crl/" + issuer.kid() + ".json")
                    && !url.startsWith(origin + "/trust/vds-nc/")).toList());
        } finally {
            page.context().browser().close();
        }
    }

    @Test
    void validOverseasWithBothCodesVerified() {
        Page page = scan(issuer.sign(TestCertificates.overseas("JP0000000002"), VALID_RID), "ja-JP", "valid-overseas");
        try {
            assertVerdict(page, "valid", "有効", List.of("shc:valid", "vds:valid"));
            assertEquals("山田 太郎 / YAMADA TARO", page.textContent("#person-name"));
            assertTrue(page.textContent("#codes").contains("JP0000000002"));
            screenshot(page, "valid-overseas-ja");
            page.click("#language");
            assertEquals("VALID", page.textContent("#verdict-title"));
            screenshot(page, "valid-overseas-en");
            // scanning again starts over: the result is gone while the camera looks
            page.click("#scan");
            page.waitForSelector("#result:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertVerdict(page, "valid", "VALID", List.of("shc:valid", "vds:valid"));
        } finally {
            page.context().browser().close();
        }
    }

    @Test
    void revokedInBothLists() {
        Page page = scan(issuer.sign(TestCertificates.overseas(REVOKED_UVCI), REVOKED_RID), "en-US", "revoked");
        try {
            assertVerdict(page, "revoked", "REVOKED", List.of("shc:revoked", "vds:revoked"));
            screenshot(page, "revoked-en");
        } finally {
            page.context().browser().close();
        }
    }

    @Test
    void tamperedPayloadWithTheSignatureKept() {
        SignedCertificate tampered = TestCertificates.tampered(issuer.sign(TestCertificates.overseas("JP0000000003"), VALID_RID));
        Page page = scan(tampered, "en-US", "tampered");
        try {
            assertVerdict(page, "invalid", "INVALID", List.of("shc:invalid", "vds:invalid"));
            assertTrue(page.textContent("#codes").contains("does not match"));
            // nothing from an altered code is shown as if it were the person's
            assertEquals(0, page.locator("#person dd").count());
            screenshot(page, "invalid-en");
        } finally {
            page.context().browser().close();
        }
    }

    @Test
    void signedByAnUnknownKey() {
        Page page = scan(stranger.sign(TestCertificates.overseas("JP0000000004"), VALID_RID), "ja-JP", "unknown");
        try {
            assertVerdict(page, "unknown-issuer", "発行者不明", List.of("shc:unknown-issuer", "vds:unknown-issuer"));
            screenshot(page, "unknown-issuer-ja");
        } finally {
            page.context().browser().close();
        }
    }

    @Test
    void revocationListsUnreachableIsSaidNotHidden() {
        server.remove("/.well-known/crl/" + issuer.kid() + ".json");
        server.remove("/trust/vds-nc/revoked.json");
        try {
            Page page = scan(issuer.sign(TestCertificates.overseas("JP0000000005"), VALID_RID), "en-US", "unchecked");
            try {
                assertVerdict(page, "unchecked", "VALID SIGNATURE, REVOCATION NOT CHECKED",
                        List.of("shc:unchecked", "vds:unchecked"));
                assertTrue(page.textContent("#codes").contains("revocation not checked"));
                assertEquals("Some of the issuer keys or lists could not be loaded.", page.textContent("#status"));
                screenshot(page, "unchecked-en");
            } finally {
                page.context().browser().close();
            }
        } finally {
            publishTrust();
        }
    }

    private static void assertNothingStored(Page page) {
        assertEquals(Boolean.TRUE, page.evaluate("""
                async () => localStorage.length === 0 && sessionStorage.length === 0 && document.cookie === ''
                  && (await indexedDB.databases()).length === 0
                  && (await caches.keys()).length === 0""".strip()));
    }
}
