package dev.shomei.center.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.center.testing.CenterFixture;
import dev.shomei.center.testing.FakeBackend;
import dev.shomei.center.testing.FakeBackendServer;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.center.testing.TrustedChromium;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.protocol.pki.DevPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator console in real Chromium (trusting the dev CA through its NSS database): log in
 * with password + TOTP, watch a terminal go offline and its alert appear without reloading the
 * page, see a device fault, switch to English, disable a terminal, change a municipality's fee.
 */
class ConsoleBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final LocatorAssertions.IsVisibleOptions VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    @TempDir
    Path pkiDir;
    @TempDir
    Path state;
    @TempDir
    Path browserHome;

    @Test
    void theBoardShowsATerminalGoingOfflineAndItsAlert() throws Exception {
        DevPki pki = DevPki.ensure(pkiDir);
        Path centerDir = state.resolve("center");
        dev.shomei.center.CenterMain.firstRun(centerDir);
        String logins = Files.readString(centerDir.resolve("demo-logins.txt"));

        try (FakeBackendServer backend = new FakeBackendServer(pki, new FakeBackend(pki, Clock.systemUTC()));
             CenterFixture fixture = new CenterFixture(centerDir, pki, CardFactory.inMemory(), backend,
                     s -> s.withTimers(Duration.ofSeconds(3), s.reconcileAfter(), s.reconcileEvery(), Duration.ofMillis(300)));
             TrustedChromium chromium = TrustedChromium.launch(pki.rootCaPem(), browserHome);
             BrowserContext context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                     .setLocale("ja-JP").setViewportSize(1400, 900));
             LineClient k2 = fixture.connect("K0002")) {
            LineClient k1 = fixture.connect("K0001"); // closed below: the terminal goes offline
            String console = "https://localhost:" + fixture.center.consolePort();
            Page page = context.newPage();

            page.navigate(console + "/");
            assertThat(page).hasURL(console + "/login");
            logIn(page, logins, "operator");
            assertThat(page.locator("#user")).containsText("operator");
            assertThat(page.locator("h1")).hasText("証明書交付センター 運用コンソール");

            // two kiosks come online; the board follows without a reload
            page.evaluate("window.__sameDocument = true");
            k1.request(new Hello("K0001", "3.0.1"), WAIT);
            k1.request(heartbeat(DeviceStatus.OK), WAIT);
            k2.request(new Hello("K0002", "3.0.1"), WAIT);
            assertEquals(Ack.class, k2.request(heartbeat(DeviceStatus.OK), WAIT).getClass());
            Locator k1Row = page.locator("tr[data-terminal=K0001]");
            assertThat(k1Row).hasAttribute("data-status", "ONLINE");
            assertThat(k1Row.locator("[data-role=status]")).hasText("稼働中");
            assertThat(k1Row).containsText("3.0.1");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-board-ja.png")));

            // K0001 goes offline: the row turns OFFLINE at once, the missed-heartbeat alert follows
            k1.close();
            assertThat(k1Row).hasAttribute("data-status", "OFFLINE");
            // its last report is stale: reader, printer and cash unit read 不明, not 正常 (issue 18 point 5)
            assertThat(k1Row.locator(".dev-UNKNOWN")).hasCount(3);
            assertThat(k1Row.locator(".dev-UNKNOWN").first()).hasText("不明");
            Locator alert = page.locator("#open-alerts li[data-alert-kind=HEARTBEAT_MISSED][data-terminal=K0001]");
            assertThat(alert).isVisible(VISIBLE);
            assertThat(alert).containsText("応答なし");
            assertThat(page.locator("#alert-count")).not().hasText("0");

            // K0002 reports a printer fault: ERROR and a device alert
            k2.request(heartbeat(DeviceStatus.FAULT), WAIT);
            assertThat(page.locator("tr[data-terminal=K0002]")).hasAttribute("data-status", "ERROR");
            Locator fault = page.locator("#open-alerts li[data-alert-kind=DEVICE_FAULT][data-terminal=K0002]");
            assertThat(fault).isVisible(VISIBLE);
            assertThat(fault).containsText("プリンター");
            assertEquals(true, page.evaluate("window.__sameDocument === true"), "all of it arrived without a reload");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-alerts-ja.png")));

            // English
            page.click("#lang");
            assertThat(page.locator("h1")).hasText("Certificate Center Operator Console");
            assertThat(k1Row.locator("[data-role=status]")).hasText("Offline");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-board-en.png")));

            // an operator may disable a terminal
            page.locator("tr[data-terminal=K0003] button[data-action=disable]").click();
            assertThat(page.locator("tr[data-terminal=K0003] [data-role=enabled]")).hasText("Disabled");
            assertFalse(fixture.center.registry().isEnabled("K0003"));

            // a resident is using K0002: the operator is asked first, and may change their mind
            k2.request(new Heartbeat(TerminalState.IN_SERVICE, 85, 60, DeviceStatus.OK, DeviceStatus.OK, DeviceStatus.OK,
                    12, 1, 0, Instant.now()), WAIT);
            Locator k2Row = page.locator("tr[data-terminal=K0002]");
            assertThat(k2Row).hasAttribute("data-status", "IN_USE");
            List<String> asked = new CopyOnWriteArrayList<>();
            page.onceDialog(dialog -> {
                asked.add(dialog.message());
                dialog.dismiss();
            });
            k2Row.locator("button[data-action=disable]").click();
            assertEquals(1, asked.size(), "a confirmation before disabling a terminal in use");
            assertTrue(asked.get(0).contains("K0002"), asked.get(0));
            assertTrue(fixture.center.registry().isEnabled("K0002"), "dismissed: the terminal stays enabled");
            page.onceDialog(com.microsoft.playwright.Dialog::accept);
            k2Row.locator("button[data-action=disable]").click();
            assertThat(k2Row.locator("[data-role=enabled]")).hasText("Disabled");
            assertEquals(ErrorCode.TERMINAL_DISABLED, assertInstanceOf(Refusal.class,
                    k2.request(heartbeat(DeviceStatus.OK), WAIT)).code(), "the kiosk learns it is out of service");

            // an operator may not change hours; an admin may; nobody changes the fee here (the municipality's own)
            page.click("button[data-tab=municipalities]");
            Locator bunkyo = page.locator("tr[data-municipality='" + FakeMunicipalities.BUNKYO + "']");
            assertThat(bunkyo.locator("input[data-field=opensAt]")).isDisabled();
            page.click("#logout");
            assertThat(page).hasURL(console + "/login");
            logIn(page, logins, "admin");
            page.click("button[data-tab=municipalities]");
            assertThat(bunkyo.locator("[data-field=fee]")).hasText("120");
            assertEquals(0, bunkyo.locator("input[data-field=fee]").count(), "the fee is shown, not editable");
            bunkyo.locator("input[data-field=opensAt]").fill("07:00");
            bunkyo.locator("button").click();
            assertThat(page.locator("#message")).isVisible(VISIBLE);
            assertThat(page.locator("#message")).hasText("Saved.");
            assertEquals("07:00",
                    fixture.center.municipalities().find(FakeMunicipalities.BUNKYO).orElseThrow().opensAt().toString());
            // equal times mean open all day: the page says so rather than showing a bare "07:00 – 07:00"
            Locator allDay = bunkyo.locator("[data-field=allDay]");
            assertThat(allDay).isHidden();
            bunkyo.locator("input[data-field=closesAt]").fill("07:00");
            assertThat(allDay).isVisible();
            assertThat(allDay).hasText("open all day (same start and end)");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-municipalities-en.png")));
            bunkyo.locator("input[data-field=closesAt]").fill("23:00");
            assertThat(allDay).isHidden();
            // and in Japanese: the language switch draws the table again (the hidden hint's text says when)
            page.click("#lang");
            assertThat(allDay).hasText("終日（開始と終了が同じ時刻）");
            assertThat(page.locator("#message")).hasText("保存しました。"); // the banner switches too (hidden or not)
            bunkyo.locator("input[data-field=closesAt]").fill("07:00");
            assertThat(allDay).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-municipalities-ja.png")));
            bunkyo.locator("input[data-field=closesAt]").fill("23:00");
            page.click("#lang");
            assertThat(allDay).hasText("open all day (same start and end)");

            // the administrator adds an operator (the TOTP secret is shown once) and cannot change their own standing
            page.click("button[data-tab=operators]");
            page.fill("#op-name", "night-op");
            page.fill("#op-password", "night shift 2026");
            page.click("#op-add");
            assertThat(page.locator("#op-secret")).containsText("night-op");
            assertThat(page.locator("tr[data-operator=night-op]")).containsText("Operator");
            assertThat(page.locator("tr[data-operator=admin] button").first()).isDisabled();
            assertTrue(Files.readString(centerDir.resolve("operators.json")).contains("night-op"), "stored for every center");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-operators-en.png")));

            // the administrator sees the operators' audit trail: who disabled what, from where, before/after
            page.click("button[data-tab=audit]");
            Locator trail = page.locator("#audit tbody");
            assertThat(trail).containsText("Terminal disabled");
            assertThat(trail).containsText("K0003");
            assertThat(trail).containsText("Municipality changed");
            assertThat(trail).containsText("hours=07:00-23:00");
            assertThat(trail).containsText("Operator created");
            assertThat(page.locator("#audit-status")).containsText("intact");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-audit-en.png")));

            // a locked name is told so, and until when (the same for a name that does not exist)
            page.click("#logout");
            assertThat(page).hasURL(console + "/login");
            // the page's own Japanese HTML shows before its script applies the stored English; the toggle
            // works once the script ran (it labels the button, then listens): click only then (a click
            // before it was lost, and the locked message came out in English one run in a few)
            assertThat(page.locator("#lang")).hasText("日本語");
            page.click("#lang");
            assertThat(page.locator("#lang")).hasText("English");
            assertThat(page.locator("#login-submit")).hasText("ログイン");
            for (int i = 0; i < 6; i++) {
                page.fill("#username", "nobody-here");
                page.fill("#password", "wrong password " + i);
                page.fill("#code", "000000");
                page.click("#login-submit");
                assertThat(page.locator("#login-error")).isVisible();
            }
            assertThat(page.locator("#login-error")).containsText("まで停止しています");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-login-locked-ja.png")));
        }
    }

    private static void logIn(Page page, String logins, String user) {
        Matcher m = Pattern.compile(user + " .*password: (\\S+)\\s+TOTP secret: (\\S+)").matcher(logins);
        if (!m.find()) {
            throw new AssertionError("demo-logins.txt has no " + user);
        }
        page.fill("#username", user);
        page.fill("#password", m.group(1));
        page.fill("#code", Totp.standard().code(Base32.decodeAllowingHyphens(m.group(2)), Instant.now()));
        page.click("#login-submit");
        page.waitForURL(url -> !url.endsWith("/login"), new Page.WaitForURLOptions().setTimeout(20_000));
    }

    private static Heartbeat heartbeat(DeviceStatus printer) {
        return new Heartbeat(TerminalState.IDLE, 85, 60, DeviceStatus.OK, printer, DeviceStatus.OK, 12, 1, 0, Instant.now());
    }

    private static Path screenshot(String name) {
        return Path.of("target", "screenshots", name);
    }
}
