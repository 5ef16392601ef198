package dev.shomei.record.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.testing.TestData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clerks' record work (issue 21) in real Chromium over verified HTTPS: a supervisor registers a
 * resident, adds a dose with ticket number and site, corrects one with a reason and sees it in the
 * history; two different staff sign off last month's log review and the start page's alert goes; a
 * disclosure request is received with its receipt number, handled and printed. A STATISTICS user and
 * a clerk of another municipality reach none of it. With {@code -Dshomei.screenshots=DIR} it saves the
 * screenshots of docs/clerk-console.md.
 */
class ClerkRecordWorkBrowserIT {
    @TempDir
    Path dir;
    ConsoleFixture fixture;
    ConsoleBrowser browser;
    BrowserContext context;
    Page page;
    final MyNumber newNumber = TestData.myNumber("42424242424");

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
    void aSupervisorRegistersAResidentAddsAndCorrectsDosesWithReasons() {
        browser.login("supervisor-a");
        page.navigate(fixture.origin() + "/residents");
        page.locator("a.button", new Page.LocatorOptions().setHasText("住民を登録")).click();
        assertThat(page.locator("h1")).hasText("住民の登録");
        page.locator("#atena").fill("A-000900");
        page.locator("#myNumber").fill(newNumber.digits());
        page.locator("#familyKanji").fill("登録");
        page.locator("#givenKanji").fill("花子");
        page.locator("#familyKana").fill("トウロク");
        page.locator("#givenKana").fill("ハナコ");
        page.locator("#birth").fill("1985-05-05");
        page.locator("#sex").selectOption("2");
        page.locator("#address").fill("東京都文京区本郷一丁目");
        page.locator("#reason").selectOption("MOVED_IN");
        page.locator("#note").fill("転入届と同時に登録");
        browser.screenshot("register-resident");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/residents/[0-9a-f-]{36}$"));
        assertThat(page.locator("dl.facts")).containsText("登録 花子");
        browser.assertNoMyNumber(newNumber);

        // a missing dose, with ticket number and site
        page.locator("a.button", new Page.LocatorOptions().setHasText("接種記録を追加")).click();
        assertThat(page.locator("#doseNumber")).hasValue("1");
        page.locator("#date").fill("2021-08-01");
        page.locator("#product").selectOption("comirnaty");
        page.locator("#lot").fill("FF1234");
        page.locator("#ticket").fill("T-00421");
        page.locator("#site").fill("文京区立本郷小学校");
        page.locator("#reason").selectOption("MISSING_RECORD");
        browser.screenshot("add-dose");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/residents/[0-9a-f-]{36}$"));
        assertThat(page.locator("table.data").first()).containsText("文京区立本郷小学校");

        // correct it: without a reason the form is refused and shown again
        page.locator("table.data a", new Page.LocatorOptions().setHasText("訂正")).first().click();
        page.locator("#lot").fill("FF1235");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("ul.error")).containsText("理由を一覧から選んでください");
        assertThat(page.locator("#lot")).hasValue("FF1235");
        page.locator("#reason").selectOption("ENTRY_ERROR");
        page.locator("#note").fill("接種済証で確認");
        browser.screenshot("correct-dose");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/residents/[0-9a-f-]{36}$"));
        assertThat(page.locator("main")).containsText("FF1235");
        assertThat(page.locator("main")).containsText("住民の登録");
        assertThat(page.locator("main")).containsText("接種記録の追加");
        assertThat(page.locator("main")).containsText("reason=ENTRY_ERROR fields=lot");
        assertThat(page.locator("main")).containsText("lot: FF1234");
        browser.screenshot("history");
        browser.assertNoMyNumber(newNumber);
        String residentUrl = page.url();
        browser.logout();

        // a STATISTICS user and another municipality's clerk reach nothing of it
        for (String user : List.of("stats", "clerk-b")) {
            browser.login(user);
            assertEquals(403, page.navigate(fixture.origin() + "/resident-entry").status(), user);
            int status = page.navigate(residentUrl + "/add-dose").status();
            assertEquals(403, status, user);
            assertTrue(List.of(403, 404).contains(page.navigate(residentUrl).status()), user);
            assertFalse(page.content().contains("登録 花子"), user);
            browser.logout();
        }
    }

    @Test
    void twoStaffSignOffLastMonthsReviewAndTheAlertGoes() {
        YearMonth last = YearMonth.from(LocalDate.ofInstant(fixture.clock.instant(), ServiceRules.ZONE)).minusMonths(1);
        browser.login("supervisor-a");
        assertThat(page.locator("p.signoff-alert")).containsText(last + " の月次点検の確認が完了していません");
        browser.screenshot("signoff-alert");
        page.locator("p.signoff-alert a").click();
        page.waitForURL(fixture.origin() + "/audit/signoff?month=" + last);
        page.locator("#findings").fill("時間外のアクセス2件は当直の確認によるもの。大量閲覧なし。問題なし。");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("main")).containsText("確認 1人 / 必要 2人");
        assertThat(page.locator("main")).containsText("あなたはこの月の点検を確認済みです");
        page.navigate(fixture.origin() + "/issuances");
        assertThat(page.locator("p.signoff-alert")).containsText("確認 1人");
        browser.logout();

        browser.login("admin-a");
        page.navigate(fixture.origin() + "/audit/review?month=" + last);
        page.locator("main a.button", new Page.LocatorOptions().setHasText("点検結果を確認・記録する")).click();
        page.locator("#findings").fill("同意します。ID点検リストも確認済み。");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("main")).containsText("この月の点検は完了しています（2人が確認）");
        assertThat(page.locator("table.signoffs")).containsText("supervisor-a");
        assertThat(page.locator("table.signoffs")).containsText("admin-a");
        browser.screenshot("signoff");
        browser.logout();

        browser.login("supervisor-a");
        assertEquals(0, page.locator("p.signoff-alert").count(), "signed by two: no alert");
        browser.logout();
        browser.login("stats");
        assertEquals(403, page.navigate(fixture.origin() + "/audit/signoff?month=" + last).status());
    }

    @Test
    void aDisclosureRequestIsReceivedWithItsReceiptNumberHandledAndPrinted() {
        browser.login("supervisor-a");
        page.navigate(fixture.origin() + "/residents/" + fixture.residentA.id());
        page.locator("a.button", new Page.LocatorOptions().setHasText("住民からの請求")).click();
        page.locator("#kind").selectOption("DISCLOSURE");
        page.locator("#receipt").fill("UK-2026-0042");
        page.locator("#handling").fill("本人来庁。運転免許証で本人確認。");
        browser.screenshot("request-receive");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/requests/[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).hasText("請求 受付票番号 UK-2026-0042");
        page.locator("#status").selectOption("DONE");
        page.locator("#outcome").selectOption("GRANTED");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("dl.facts")).containsText("認容");
        browser.screenshot("request");
        page.locator("a.button", new Page.LocatorOptions().setHasText("開示する内容を印刷")).click();
        assertThat(page.locator("h1")).hasText("保有個人情報の開示");
        assertThat(page.locator("main")).containsText(TestData.FAMILY_KANJI);
        assertThat(page.locator("main")).containsText(fixture.certificateA);
        assertThat(page.locator("main")).containsText("UK-2026-0042");
        browser.screenshot("disclosure");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertFalse(page.locator("header nav").isVisible(), "the printout has no menu");
        assertFalse(page.locator("p.no-print").isVisible(), "nor the hint");
        browser.screenshot("disclosure-print");
        browser.assertNoMyNumber(newNumber);
    }
}
