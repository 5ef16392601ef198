package dev.shomei.record.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.shomei.printing.verify.Verdict;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.domain.Channel;
import dev.shomei.record.domain.Issuance;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.record.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window issuance and reissue after loss (issue 21) in real Chromium over verified HTTPS, on the
 * fixtures of {@link ClerkRecordWorkBrowserIT}: a clerk issues after the identity check, opens the
 * PDF for the office printer (its QR codes verify with the verifier's library) and reports it handed
 * out; a lost certificate is reissued, which voids and revokes the old one. A STATISTICS user and a
 * clerk of another municipality reach none of it. With {@code -Dshomei.screenshots=DIR} it saves the
 * screenshots of docs/clerk-console.md.
 */
class CounterIssuanceBrowserIT {
    @TempDir
    Path dir;
    ConsoleFixture fixture;
    ConsoleBrowser browser;
    BrowserContext context;
    Page page;

    @BeforeEach
    void start() throws Exception {
        DevPki pki = DevPki.ensure(dir.resolve("pki"));
        fixture = new ConsoleFixture(dir.resolve("store"), pki);
        browser = ConsoleBrowser.open(fixture, dir.resolve("home"), pki.rootCaPem());
        context = browser.context();
        page = browser.page();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    /** The certificate id of the hand-over page the browser is on. */
    private String handOverCertificate() {
        page.waitForURL(Pattern.compile(".*/counter/[0-9A-Z]{12}$"));
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }

    /**
     * The PDF the hand-over page's link opens in a new tab, where Chromium's viewer shows it to print on
     * the office printer (inline: not saved to the PC); the bytes are fetched again with the tab's session.
     */
    private byte[] openPdf() throws Exception {
        assertThat(page.locator("#certificate-pdf")).hasAttribute("target", "_blank");
        java.util.List<com.microsoft.playwright.Response> responses = new java.util.ArrayList<>();
        java.util.function.Consumer<com.microsoft.playwright.Response> listener = response -> {
            if (response.url().endsWith("/certificate.pdf")) {
                responses.add(response);
            }
        };
        context.onResponse(listener);
        Page tab = page.waitForPopup(() -> page.locator("#certificate-pdf").click());
        tab.waitForLoadState();
        context.offResponse(listener);
        assertEquals(1, responses.size(), "the tab loaded the PDF once");
        com.microsoft.playwright.Response response = responses.getFirst();
        assertEquals(200, response.status());
        assertEquals("application/pdf", response.headerValue("content-type"));
        assertTrue(response.headerValue("content-disposition").startsWith("inline"));
        tab.close();
        // the viewer holds the document, not Playwright: the same session fetches the bytes it shows
        ConsoleHttp http = new ConsoleHttp(fixture.pki, fixture.origin());
        for (com.microsoft.playwright.options.Cookie cookie : context.cookies()) {
            http.cookies.put(cookie.name, cookie.value);
        }
        java.net.http.HttpResponse<byte[]> same = http.get(page.locator("#certificate-pdf").getAttribute("href"));
        assertEquals(200, same.statusCode());
        return same.body();
    }

    private Issuance issuance(String certificateId) {
        return fixture.store.database().read(tx -> new IssuanceRepository()
                .findByCertificateId(tx, ConsoleFixture.A, certificateId)).orElseThrow();
    }

    /** From the resident's page through the issue form to the hand-over page; returns the certificate id. */
    private String issueAtTheWindow(String type, String copies, String identity, String screenshot) {
        page.navigate(fixture.origin() + "/residents/" + fixture.residentA.id());
        page.locator("a.button", new Page.LocatorOptions().setHasText("窓口・郵送で交付")).click();
        assertThat(page.locator("h1")).hasText("窓口・郵送での交付（宛名番号 A-000101）");
        assertThat(page.locator("#passport")).hasValue(TestData.PASSPORT); // the data on file, to check against the passport
        page.locator("#type").selectOption(type);
        page.locator("#channel").selectOption("WINDOW");
        page.locator("#copies").fill(copies);
        page.locator("#identity").selectOption(identity);
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        page.locator("main form.counter button[type=submit]").click();
        return handOverCertificate();
    }

    @Test
    void aClerkIssuesAtTheWindowAndThePrintedPdfVerifies() throws Exception {
        browser.login("clerk-a");
        String certificate = issueAtTheWindow("DOMESTIC", "1", "MY_NUMBER_CARD", "counter-issue");
        assertThat(page.locator("main")).containsText("本人確認: マイナンバーカード");
        assertThat(page.locator("table.data")).containsText("発行済み（印刷未確認）");
        browser.screenshot("counter-hand-over");
        browser.assertNoMyNumber();

        byte[] pdf = openPdf();
        List<Verdict> verdicts = PrintedCertificates.verify(fixture, pdf, dir.resolve("lists"));
        assertEquals(1, verdicts.size(), "a domestic certificate carries one SMART Health Card");
        assertTrue(verdicts.getFirst().valid(), verdicts.toString());
        assertFalse(verdicts.getFirst().revoked());
        assertTrue(verdicts.getFirst().statements().stream().anyMatch(line -> line.equals("date of birth: " + TestData.BIRTH)),
                "the card is the resident's: " + verdicts.getFirst().statements().size() + " lines");

        page.locator("#handed-out").click();
        page.waitForURL(fixture.origin() + "/counter/" + certificate);
        assertThat(page.locator("main")).containsText("この証明書は交付済みです");
        assertEquals(0, page.locator("#certificate-pdf").count(), "no second print from a closed issuance");
        Issuance issued = issuance(certificate);
        assertEquals(IssuanceStatus.PRINTED, issued.status());
        assertEquals(Channel.WINDOW, issued.channel());
        browser.logout();

        // a STATISTICS user and another municipality's clerk reach none of it
        for (String user : List.of("stats", "clerk-b")) {
            browser.login(user);
            int expected = user.equals("stats") ? 403 : 404;
            assertEquals(expected, page.navigate(fixture.origin() + "/residents/" + fixture.residentA.id() + "/issue")
                    .status(), user);
            assertEquals(expected, page.navigate(fixture.origin() + "/counter/" + certificate).status(), user);
            assertEquals(expected, page.navigate(fixture.origin() + "/issuances/" + certificate + "/reissue").status(), user);
            assertFalse(page.content().contains("鷹司"), user);
            browser.logout();
        }
    }

    @Test
    void aReissueAfterLossVoidsAndRevokesTheOldCertificate() throws Exception {
        browser.login("clerk-a");
        String lost = issueAtTheWindow("OVERSEAS", "1", "PASSPORT", null);
        byte[] lostPdf = openPdf();
        page.locator("#handed-out").click();
        page.waitForURL(fixture.origin() + "/counter/" + lost);

        // the resident reports it lost: from the issuance history, reissue
        page.navigate(fixture.origin() + "/residents/" + fixture.residentA.id());
        page.locator("a[href='/issuances/" + lost + "/reissue']").click();
        assertThat(page.locator("h1")).hasText("紛失による再交付（証明書 " + lost + "）");
        assertThat(page.locator("main")).containsText("「紛失」として無効にし");
        page.locator("#identity").selectOption("PASSPORT");
        browser.screenshot("counter-reissue");
        page.locator("main form.counter button[type=submit]").click();
        String replacement = handOverCertificate();
        assertFalse(replacement.equals(lost));
        assertThat(page.locator("#replaces")).containsText("紛失した証明書 " + lost + " の再交付です");
        browser.screenshot("counter-reissued");

        assertEquals(IssuanceStatus.VOIDED, issuance(lost).status());
        assertEquals("LOST", issuance(lost).voidReason());
        List<Verdict> old = PrintedCertificates.verify(fixture, lostPdf, dir.resolve("old"));
        assertEquals(2, old.size(), "the VDS-NC seal and the SMART Health Card");
        assertTrue(old.stream().allMatch(Verdict::revoked), "the lost certificate is revoked: " + old);
        List<Verdict> fresh = PrintedCertificates.verify(fixture, openPdf(), dir.resolve("new"));
        assertTrue(fresh.stream().allMatch(verdict -> verdict.valid() && !verdict.revoked()), fresh.toString());
        page.locator("#handed-out").click();
        page.waitForURL(fixture.origin() + "/counter/" + replacement);

        page.navigate(fixture.origin() + "/residents/" + fixture.residentA.id());
        assertThat(page.locator("main")).containsText("紛失（失効させ、再交付できます）");
        assertEquals(0, page.locator("a[href='/issuances/" + lost + "/reissue']").count(), "reissued once only");
        browser.assertNoMyNumber();
    }
}
