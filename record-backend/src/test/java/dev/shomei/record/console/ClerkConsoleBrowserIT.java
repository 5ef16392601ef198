package dev.shomei.record.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in real Chromium over verified HTTPS (the dev CA is a trust anchor of the browser's
 * NSS database): login with a TOTP code computed here, search, a resident's page, the CSV export as a
 * download, every URL to municipality B refused for a clerk of A, and the audit page showing it all.
 * With {@code -Dshomei.screenshots=DIR} it also saves the screenshots used in docs/clerk-console.md.
 */
class ClerkConsoleBrowserIT {
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

    @Test
    void clerkSearchesViewsIsKeptInsideTheMunicipalitySupervisorExportsAndTheAuditShowsIt() throws Exception {
        browser.loginShowingTheForm("clerk-a");
        assertThat(page.locator("h1")).hasText("交付記録の検索");

        // search by certificate id, then by terminal
        page.locator("#certificateId").fill(fixture.certificateA);
        page.locator("form.search button[type=submit]").click();
        assertThat(page.locator("table.data")).containsText(fixture.certificateA);
        assertThat(page.locator("p.count")).hasText("1件");
        page.navigate(fixture.origin() + "/issuances");
        page.locator("#terminal").fill("KIOSK-0007");
        page.locator("#status").selectOption("PRINTED");
        page.locator("form.search button[type=submit]").click();
        assertThat(page.locator("table.data")).containsText(fixture.certificateA);
        browser.screenshot("search");
        browser.assertNoMyNumber();

        // view the resident from the result
        page.locator("table.data a", new Page.LocatorOptions().setHasText("A-000101")).click();
        page.waitForURL(fixture.origin() + "/residents/" + fixture.residentA.id());
        assertThat(page.locator("dl.facts")).containsText(TestData.FAMILY_KANJI);
        assertThat(page.locator("main")).containsText(fixture.dosesA.getFirst().lotNumber());
        assertThat(page.locator("main")).containsText(fixture.certificateA2);
        browser.screenshot("resident");
        browser.assertNoMyNumber();

        // nothing of municipality B is reachable, by any URL
        Vaccination doseB = fixture.store.database().read(tx -> new VaccinationRepository()
                .list(tx, fixture.store.keyring().cipher(tx, ConsoleFixture.B), fixture.residentB.id())).getFirst();
        String b = fixture.residentB.id();
        for (String path : List.of("/residents/" + b, "/residents/" + b + "/passport", "/residents/" + b + "/doses/" + doseB.id(),
                "/issuances/" + fixture.certificateB + "/void")) {
            Response response = page.navigate(fixture.origin() + path);
            assertTrue(List.of(200, 403, 404).contains(response.status()), path + " " + response.status());
            String html = page.content();
            assertFalse(html.contains(">山田 花子<"), path + " showed B's resident"); // a typed "山田" may be echoed in the form
            assertFalse(html.contains(fixture.certificateB + "</td>"), path + " listed B's certificate");
            assertFalse(html.contains("B-000001</a>"), path + " linked B's resident");
        }
        assertEquals(404, page.navigate(fixture.origin() + "/residents/" + b).status());
        // nor by the search forms (POSTed: what was typed never shows in the address bar)
        page.navigate(fixture.origin() + "/issuances");
        page.locator("#certificateId").fill(fixture.certificateB);
        page.locator("form.search button[type=submit]").click();
        assertThat(page.locator("p.count")).hasText("0件");
        assertEquals(fixture.origin() + "/issuances", page.url());
        page.navigate(fixture.origin() + "/residents");
        page.locator("#name").fill("山田");
        page.locator("#birth").fill("1970-03-03");
        page.locator("#birth").press("Enter");
        assertThat(page.locator("p.count")).hasText("0件");
        assertEquals(fixture.origin() + "/residents", page.url(), "name and birth date stay out of the URL");

        // English, then back
        page.navigate(fixture.origin() + "/issuances");
        page.locator("header a[hreflang=en]").click();
        assertThat(page.locator("h1")).hasText("Issuance records");
        page.locator("header a[hreflang=ja]").click();
        assertThat(page.locator("h1")).hasText("交付記録の検索");

        page.locator("header form button").click(); // logout
        page.waitForURL(fixture.origin() + "/login");

        // the supervisor exports a month as CSV
        browser.login("supervisor-a");
        page.navigate(fixture.origin() + "/export");
        LocalDate today = LocalDate.ofInstant(fixture.clock.instant(), ServiceRules.ZONE);
        page.locator("#from").fill(today.minusDays(30).toString());
        page.locator("#to").fill(today.toString());
        Download download = page.waitForDownload(() -> page.locator("main form button[type=submit]").click());
        byte[] csv = Files.readAllBytes(download.path());
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains(fixture.certificateA) && text.contains(fixture.certificateA2), text);
        assertFalse(text.contains(fixture.certificateB));
        assertFalse(text.contains(fixture.myNumberA.digits()) || text.contains(fixture.myNumberB.digits()));
        assertTrue(download.suggestedFilename().endsWith(".csv"));

        // the audit page shows the clerk's login, searches, views and refused probes, and the export
        page.navigate(fixture.origin() + "/audit?user=clerk-a");
        assertThat(page.locator("table.audit")).containsText("ログイン");
        assertThat(page.locator("table.audit")).containsText("交付記録の検索");
        assertThat(page.locator("table.audit")).containsText("住民の閲覧");
        assertThat(page.locator("table.audit")).containsText(fixture.residentA.id());
        assertThat(page.locator("table.audit")).containsText("NO_RECORD");
        assertThat(page.locator("table.audit")).containsText("127.0.0.1");
        browser.screenshot("audit");
        page.navigate(fixture.origin() + "/audit?action=EXPORT");
        assertThat(page.locator("table.audit")).containsText("supervisor-a");
        page.navigate(fixture.origin() + "/audit/review");
        assertThat(page.locator("main")).containsText("clerk-a");
        browser.screenshot("review");
        browser.assertNoMyNumber();
    }

    @Test
    void anAdministratorIssuesAnIdAndTheNewUserEnrolsByQrCode() throws Exception {
        browser.login("admin-a");
        page.navigate(fixture.origin() + "/users/new");
        page.locator("#id").fill("browser-clerk");
        page.locator("#displayName").fill("ブラウザ 職員");
        page.locator("#expires").fill(LocalDate.now().plusMonths(6).toString());
        page.locator("main form button[type=submit]").click();
        String initial = page.locator("code.secret").textContent();
        browser.screenshot("user-issued");
        page.locator("header form button").click();

        page.navigate(fixture.origin() + "/login");
        page.locator("#user").fill("browser-clerk");
        page.locator("#password").fill(initial);
        page.locator("#password").press("Enter");
        page.waitForURL(fixture.origin() + "/enrol");
        assertThat(page.locator("svg.qr")).isVisible();
        browser.screenshot("enrol");
        byte[] secret = dev.shomei.protocol.otp.Base32.decode(page.locator("code.secret").textContent());
        page.locator("#code").fill(fixture.code(secret));
        page.locator("#password").fill("Browser-Clerk-Pass-1");
        page.locator("#repeat").fill("Browser-Clerk-Pass-1");
        page.locator("#repeat").press("Enter");
        page.waitForURL(fixture.origin() + "/issuances");
        assertThat(page.locator("header .who")).containsText("browser-clerk");
    }

    @Test
    void aRoleChangeWaitsForASecondAdministratorsApproval() {
        fixture.addUser("admin-a2", dev.shomei.record.users.Role.ADMINISTRATOR,
                dev.shomei.record.users.Scope.of(ConsoleFixture.A), "NBSWY3DPO5XXE3DENBSWY3DPO5XXE3DE");
        browser.login("admin-a");
        page.navigate(fixture.origin() + "/users/clerk-a");
        page.locator("#role").selectOption("SUPERVISOR");
        page.locator("main form[action='/users/clerk-a'] button[type=submit]").click();
        page.waitForURL(fixture.origin() + "/users/clerk-a");
        assertThat(page.locator("table.role-changes")).containsText("あなたの申請です");
        assertThat(page.locator("table.role-changes button")).hasText("取り下げる");
        assertThat(page.locator("dl.facts")).containsText("有効");
        browser.screenshot("role-change-proposed");
        page.locator("header form button").click();

        browser.login("admin-a2");
        page.navigate(fixture.origin() + "/users");
        assertThat(page.locator("table.role-changes")).containsText("責任者（訂正・出力）");
        browser.screenshot("role-change-approve");
        page.locator("table.role-changes button", new Page.LocatorOptions().setHasText("承認する")).click();
        page.waitForURL(fixture.origin() + "/users/clerk-a");
        assertThat(page.locator("table.role-changes")).hasCount(0);
        assertThat(page.locator("#role")).hasValue("SUPERVISOR");
    }

    @Test
    void aLockedOutClerkIsToldUntilWhen() {
        for (int i = 0; i < dev.shomei.record.users.Authenticator.MAX_FAILURES; i++) {
            page.navigate(fixture.origin() + "/login");
            page.locator("#user").fill("clerk-a");
            page.locator("#password").fill("Wrong-Password-99");
            page.locator("#code").fill(fixture.code("clerk-a"));
            page.locator("#code").press("Enter");
            page.waitForLoadState();
        }
        assertThat(page.locator("p.error")).containsText("まで停止しています");
        browser.screenshot("login-locked");
    }
}
