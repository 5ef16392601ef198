package dev.shomei.record.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.audit.AuditVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 points 3 and 6 in real Chromium over verified HTTPS: a Shinjuku supervisor asks Bunkyo for a moved-in
 * resident's records with the My Number, sees the answer and takes the doses over; both municipalities'
 * supervisors see their provision record and both audit chains verify; a Bunkyo supervisor downloads the
 * residents export (no My Number). A STATISTICS user and a clerk get none of it. With
 * {@code -Dshomei.screenshots=DIR} it saves the screenshots of docs/clerk-console.md.
 */
class TransfersBrowserIT {
    @TempDir
    Path dir;
    ConsoleFixture fixture;
    MovedInFixture moved;
    ConsoleBrowser browser;
    BrowserContext context;
    Page page;

    @BeforeEach
    void start() throws Exception {
        DevPki pki = DevPki.ensure(dir.resolve("pki"));
        fixture = new ConsoleFixture(dir.resolve("store"), pki);
        moved = new MovedInFixture(fixture);
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
    void aMovedInResidentsRecordsAreAskedForAndTakenOverAndBothSidesSeeTheRecord() {
        browser.login("supervisor-b", moved.code("supervisor-b"));
        page.navigate(fixture.origin() + "/residents/" + moved.movedIn.id());
        page.locator("a.button", new Page.LocatorOptions().setHasText("転入前の市区町村に接種記録を照会")).click();
        assertThat(page.locator("h1")).hasText("転入前の市区町村への照会（宛名番号 B-000777）");
        page.locator("#myNumber").fill(fixture.myNumberA.digits());
        page.locator("#former").fill(ConsoleFixture.A.value());
        page.locator("#consent").check();
        browser.screenshot("transfer-ask");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/provisions/[0-9a-f-]{36}$"));
        String provisionUrl = page.url();
        assertThat(page.locator("dl.facts")).containsText("提供");
        assertThat(page.locator("table.received")).containsText(fixture.dosesA.get(2).lotNumber());
        assertEquals(3, page.locator("table.received tbody tr").count());
        page.locator("#reason").selectOption("MOVED_IN");
        page.locator("#note").fill("転入届の際に本人同意書を受領");
        browser.screenshot("transfer-answer");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(provisionUrl);
        assertThat(page.locator("dl.facts")).containsText("2件を supervisor-b");
        browser.assertNoMyNumberIn(page.content(), moved.notHeldInA);
        page.navigate(fixture.origin() + "/residents/" + moved.movedIn.id());
        assertThat(page.locator("main")).containsText(fixture.dosesA.get(2).lotNumber());
        page.locator("header nav a", new Page.LocatorOptions().setHasText("情報提供等の記録")).click();
        assertThat(page.locator("table.provisions")).containsText("照会（当市区町村が求めたもの）");
        browser.screenshot("provisions");
        browser.logout();

        browser.login("supervisor-a", moved.code("supervisor-a"));
        page.navigate(fixture.origin() + "/provisions");
        assertThat(page.locator("table.provisions")).containsText("提供（当市区町村が回答したもの）");
        assertThat(page.locator("table.provisions")).containsText("131041 新宿区");
        browser.screenshot("provisions-provided");
        page.navigate(provisionUrl);
        assertEquals(0, page.locator("table.received").count(), "the providing side keeps no doses in the record");
        browser.logout();

        AuditVerifier.Result verified = fixture.store.auditVerifier().verify();
        assertTrue(verified.intact(), String.valueOf(verified.problems()));
        assertEquals(2L, (long) fixture.store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM information_provision WHERE id = ?", provisionUrl.substring(provisionUrl.lastIndexOf('/') + 1))));

        for (String user : List.of("stats", "clerk-b")) {
            browser.login(user, moved.code(user));
            assertEquals(403, page.navigate(fixture.origin() + "/provisions").status(), user);
            assertEquals(403, page.navigate(provisionUrl).status(), user);
            assertEquals(403, page.navigate(fixture.origin() + "/residents/" + moved.movedIn.id() + "/transfer").status(), user);
            browser.logout();
        }
    }

    @Test
    void aSupervisorDownloadsTheResidentsExportWithoutMyNumber() throws Exception {
        browser.login("supervisor-a", moved.code("supervisor-a"));
        page.navigate(fixture.origin() + "/export");
        page.locator("main a", new Page.LocatorOptions().setHasText("住民と接種記録を取込形式で書き出す")).click();
        assertThat(page.locator("h1")).hasText("住民と接種記録の書き出し（取込形式）");
        browser.screenshot("export-residents");
        Download download = page.waitForDownload(() -> page.locator("main form button[type=submit]").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFatena_number,family_name,"), csv);
        assertTrue(csv.contains(fixture.residentA.atenaNumber()));
        browser.assertNoMyNumberIn(csv, moved.notHeldInA);
        browser.logout();
        browser.login("clerk-a", moved.code("clerk-a"));
        assertEquals(403, page.navigate(fixture.origin() + "/export/residents").status());
    }
}
