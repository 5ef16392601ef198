package dev.shomei.kiosk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import dev.shomei.kiosk.Kiosk;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.kiosk.session.SessionTimeouts;
import dev.shomei.kiosk.testing.Chromium;
import dev.shomei.kiosk.testing.FakeCard;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.kiosk.testing.FakePrinter;
import dev.shomei.kiosk.testing.MutableClock;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.PrintResult;
import dev.shomei.protocol.line.VoidReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real touch screen in real Chromium against the real firmware (session, web server, coin
 * unit), with fakes for the card, the center and the printer: every screen, both languages, the
 * privacy rules of the browser side. Saves the screenshots of the failure screens under
 * docs/images/kiosk/ ({@link KioskScreenFitIT} saves those of the normal path).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskScreenIT {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("shomei.root", ".."))
            .resolve("docs/images/kiosk");

    private Chromium chromium;
    private MutableClock clock;
    private FakeCard card;
    private FakeCenter center;
    private SimulatedCoinUnit coins;
    private FakePrinter printer;
    private Kiosk kiosk;
    private String url;
    private BrowserContext context;
    private Page page;
    private final List<String> requestUrls = new CopyOnWriteArrayList<>();
    private final List<String> responsesWithoutNoStore = new CopyOnWriteArrayList<>();

    @BeforeAll
    void launchBrowser() throws IOException {
        chromium = Chromium.launch();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void startKiosk() {
        clock = MutableClock.noonInJapan();
        // the card's address is in Bunkyo: the chooser offers it first as a shortcut (#m-131059)
        card = new FakeCard("1234").livingAt("東京都文京区春日一丁目１６番２１号");
        center = new FakeCenter();
        coins = new SimulatedCoinUnit();
        printer = new FakePrinter();
        open(Duration.ofHours(1));
    }

    /** Starts the firmware on the fakes and opens its screen in a fresh browser context. */
    private void open(Duration heartbeatInterval) {
        kiosk = Kiosk.start(new KioskSession.Devices(card, center, coins, printer),
                Kiosk.Settings.defaults().withTimeouts(SessionTimeouts.uniform(Duration.ofSeconds(60), Duration.ofSeconds(8)))
                        .withHeartbeatInterval(heartbeatInterval),
                clock);
        url = kiosk.serveScreen(0, new SimulatedHardware(coins, null)).url();
        context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 1024).setLocale("ja-JP"));
        page = context.newPage();
        page.onRequest(request -> requestUrls.add(request.url()));
        page.onResponse(response -> {
            String cacheControl = response.headers().get("cache-control");
            if (cacheControl == null || !cacheControl.contains("no-store")) {
                responsesWithoutNoStore.add(response.url());
            }
        });
        page.navigate(url);
        expectState(SessionState.IDLE);
    }

    @AfterEach
    void stopKiosk() {
        if (context != null) {
            context.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void aResidentWalksThroughEveryScreenInJapanese() {
        click("#start");
        expectState(SessionState.SERVICE);
        click("#service-vaccination");
        expectState(SessionState.LANGUAGE);
        click("#lang-ja");
        expectState(SessionState.CERTIFICATE_TYPE);
        click("#type-domestic");
        expectState(SessionState.PLACE_CARD);

        card.gate.close();
        card.setPresent(true);
        expectState(SessionState.CHECKING_CARD);
        card.gate.open();
        expectState(SessionState.PIN);
        assertThat(page.locator("#tries")).containsText("3回");
        assertEquals(0, card.verifies(), "tries left are shown before the first try");
        typePin("11");
        assertThat(page.locator("#pin-boxes .filled")).hasCount(2);
        assertThat(page.locator("#pin-ok")).isDisabled();
        typePin("11");
        assertThat(page.locator("#pin-boxes")).hasText("●●●●");
        click("#pin-ok");
        assertThat(page.locator("#notice")).containsText("暗証番号が違います");
        assertThat(page.locator("#tries")).containsText("2回");

        card.gate.close();
        typePin("1234");
        click("#pin-ok");
        expectState(SessionState.READING);
        card.gate.open();
        expectState(SessionState.REMOVE_CARD);
        assertFalse(page.locator("#m-131059").isVisible(), "no way on while the card is in");

        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
        click("#pref-1");
        click("#kana-2");
        assertThat(page.locator("#m-011002")).isDisabled();
        assertThat(page.locator("#m-011002")).containsText("サービス時間外");
        click("#other-prefecture");
        click("#m-" + FakeCenter.BUNKYO);
        expectState(SessionState.COPIES);
        assertThat(page.locator("#copies-2")).containsText("240円");

        center.gate.close();
        click("#copies-2");
        expectState(SessionState.REQUESTING);
        center.gate.open();
        expectState(SessionState.CONFIRM);
        assertThat(page.locator("#confirm-name")).hasText(FakeCenter.NAME);
        assertThat(page.locator("#confirm-birth")).hasText("1980年4月1日");
        assertThat(page.locator("#doses tr")).hasCount(3);
        assertThat(page.locator("#confirm-fee")).hasText("240円");

        click("#confirm-ok");
        expectState(SessionState.PAYMENT);
        click("#coin-100");
        assertThat(page.locator("#inserted")).containsText("100円");
        printer.gate.close();
        click("#coin-100");
        click("#coin-50");
        expectState(SessionState.PRINTING);
        assertThat(page.locator("#money-banner")).containsText("10円");
        printer.gate.open();
        expectState(SessionState.TAKE_CERTIFICATE);
        assertEquals(1, printer.printed.size());
        assertEquals(PrintResult.PRINTED, center.outcomes.get(0).result());

        // the reminder repeats, spoken and written, until "done"
        int spoken = spokenCount();
        clock.advance(Duration.ofSeconds(8));
        page.waitForFunction("n => window.kioskSpoken.length > n", spoken);
        clock.advance(Duration.ofSeconds(8));
        page.waitForFunction("n => window.kioskSpoken.length > n + 1", spoken);
        assertThat(page.locator("#voice-text")).containsText("証明書をお取りください");
        click("#done");
        expectState(SessionState.IDLE);
        assertThat(page.locator("#screen")).not().containsText(FakeCenter.NAME);

        assertBrowserKeepsNothing();
    }

    @Test
    void theSameInEnglish() {
        walkToPin("#lang-en", "#type-overseas");
        assertThat(page.locator("#heading")).hasText("Enter your 4-digit PIN");
        typePin("12");
        typePin("34");
        click("#pin-ok");
        expectState(SessionState.REMOVE_CARD);
        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
        click("#pref-13");
        click("#kana-5");
        assertThat(page.locator("#m-132012")).isDisabled(); // domestic only
        click("#other-prefecture");
        assertThat(page.locator("#m-" + FakeCenter.BUNKYO)).containsText("Address on your card: Bunkyo City, Tokyo");
        click("#m-" + FakeCenter.BUNKYO);
        click("#copies-1");
        expectState(SessionState.CONFIRM);
        assertThat(page.locator("#facts")).containsText("YAMADA HANAKO");
        click("#confirm-ok");
        click("#coin-500");
        expectState(SessionState.TAKE_CERTIFICATE);
        assertThat(page.locator("#money-banner")).containsText("¥380");
        click("#done");
        expectState(SessionState.IDLE);
        assertBrowserKeepsNothing();
    }

    @Test
    void aFarMunicipalityIsThreeTapsAwayPrefectureKanaRowName() {
        var both = java.util.EnumSet.allOf(dev.shomei.protocol.CertificateType.class);
        List<dev.shomei.protocol.line.MunicipalityInfo> japan = new java.util.ArrayList<>(FakeCenter.defaultMunicipalities());
        japan.replaceAll(m -> m.code().equals("472018") ? new dev.shomei.protocol.line.MunicipalityInfo("472018", "那覇市",
                "Naha City", 200, java.time.LocalTime.of(6, 30), java.time.LocalTime.of(23, 0), both, "なはし", true) : m);
        center.setMunicipalities(japan);
        walkToPin("#lang-ja", "#type-domestic");
        typePin("1234");
        click("#pin-ok");
        expectState(SessionState.REMOVE_CARD);
        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
        assertThat(page.locator("#prefectures button")).hasCount(47);
        int taps = 0;
        click("#pref-47"); // 沖縄県
        taps++;
        assertThat(page.locator("#chooser-sub")).containsText("沖縄県");
        click("#kana-4"); // な行
        taps++;
        // gojūon order of the reading: 中城村 なかぐすくそん, 今帰仁村 なきじんそん, 名護市, 那覇市, 南城市, 西原町 にしはら
        assertThat(page.locator("#municipality-list button span")).hasText(new String[] {"中城村", "今帰仁村", "名護市", "那覇市", "南城市", "西原町"});
        click("#m-472018");
        taps++;
        expectState(SessionState.COPIES);
        assertEquals(3, taps, "prefecture, kana row, municipality");
        assertThat(page.locator("#copies-1")).containsText("200円");
        click("#back");
        expectState(SessionState.MUNICIPALITY);

        // Wakkanai takes no part: three taps, then the plain refusal with what to do
        click("#pref-1");
        click("#kana-9"); // わ行
        assertThat(page.locator("#municipality-list button")).hasCount(2);
        assertThat(page.locator("#m-012149")).containsText("コンビニ交付を行っていません");
        click("#m-012149");
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#heading")).hasText("この市区町村はコンビニ交付を行っていません。");
        assertThat(page.locator("#hint")).containsText("窓口");
    }

    @Test
    void englishShowsRomanisedNamesWhereTheyExistAndTheReadingOtherwise() {
        walkToPin("#lang-en", "#type-domestic");
        typePin("1234");
        click("#pin-ok");
        expectState(SessionState.REMOVE_CARD);
        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
        assertThat(page.locator("#pref-1")).hasText("Hokkaido");
        click("#pref-13");
        click("#kana-2");
        assertThat(page.locator("#m-" + FakeCenter.SHINJUKU)).containsText("Shinjuku City");
        click("#other-prefecture");
        click("#pref-47");
        click("#kana-4");
        assertThat(page.locator("#m-472018")).containsText("那覇市 (なはし)");
        assertThat(page.locator("#m-472018")).containsText("Does not issue at convenience stores");
    }

    @Test
    void aRefusalShowsItsMessageAndWhatToDo() {
        walkToPin("#lang-ja", "#type-domestic");
        typePin("1234");
        click("#pin-ok");
        expectState(SessionState.REMOVE_CARD);
        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
        click("#not-listed");
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#heading")).hasText("この市区町村はコンビニ交付を行っていません。");
        assertThat(page.locator("#hint")).containsText("窓口");
        assertThat(page.locator("#error-code")).containsText("MUNICIPALITY_NOT_PARTICIPATING");
        assertThat(page.locator("#voice-text")).containsText("この市区町村はコンビニ交付を行っていません。");
        click("#acknowledge");
        expectState(SessionState.IDLE);
    }

    @Test
    void aPrinterFailureAfterPaymentRefundsAndVoids() {
        walkToPin("#lang-ja", "#type-domestic");
        typePin("1234");
        click("#pin-ok");
        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
        click("#m-" + FakeCenter.BUNKYO);
        click("#copies-1");
        click("#confirm-ok");
        printer.setFailing(true);
        click("#coin-100");
        click("#coin-50");
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#heading")).hasText("印刷できませんでした。");
        assertThat(page.locator("#money-banner")).containsText("120円");
        screenshot("19-printer-failed-refund");
        assertEquals(List.of(30, 120), coins.payouts(), "change, then the fee refunded");
        assertEquals(VoidReason.PRINTER_FAILED, center.outcomes.get(0).reason());
    }

    @Test
    void aBlockedCardIsRefusedBeforeAnyPin() {
        card.setTriesLeft(0);
        walkTo("#lang-ja", "#type-domestic");
        card.setPresent(true);
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#error-code")).containsText("PIN_BLOCKED");
        assertThat(page.locator("#card-banner")).isVisible();
        screenshot("20-card-blocked");
        assertEquals(0, card.verifies());
    }

    @Test
    void cancelReturnsTheCoins() {
        walkToPin("#lang-ja", "#type-domestic");
        typePin("1234");
        click("#pin-ok");
        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
        click("#m-" + FakeCenter.BUNKYO);
        click("#copies-1");
        click("#confirm-ok");
        click("#coin-100");
        click("#cancel");
        expectState(SessionState.IDLE);
        assertThat(page.locator("#money-banner")).containsText("100円");
        screenshot("21-idle-after-cancel");
        assertEquals(VoidReason.CANCELLED, center.outcomes.get(0).reason());
        assertEquals(List.of(100), coins.payouts());
    }

    @Test
    void aDisabledTerminalSaysOutOfServiceAndStartsNothing() {
        // the operator disabled the terminal: the center refuses every heartbeat with TERMINAL_DISABLED
        context.close();
        kiosk.close();
        center.failHeartbeat(new ShomeiException(ErrorCode.TERMINAL_DISABLED, "disabled"));
        open(Duration.ofMillis(200));
        assertThat(page.locator("#out-of-service")).isVisible();
        assertThat(page.locator("#heading")).containsText("ただいま休止中です");
        assertThat(page.locator("#heading")).containsText("This terminal is out of service");
        assertThat(page.locator("#start")).hasCount(0);
        assertThat(page.locator("#cancel")).isHidden();
        assertThat(page.locator("#voice-text")).containsText("ただいま休止中です");
        screenshot("22-out-of-service");
        // the screen offers no start; a start sent anyway is refused and nothing begins
        Object status = page.evaluate("() => fetch('/api/action', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({action: 'START'})}).then(r => r.status + ' ' + r.headers.get('content-type'))"
                + ".then(s => s)");
        assertTrue(String.valueOf(status).startsWith("409"), "START refused: " + status);
        card.setPresent(true);
        assertThat(page.locator("#card-banner")).isVisible();
        expectState(SessionState.IDLE);
        assertEquals(0, card.verifies());
        assertEquals(SessionState.IDLE, kiosk.session().state());

        // enabled again on the console: the next acknowledged heartbeat brings the normal start screen back
        center.failHeartbeat(null);
        assertThat(page.locator("#start")).isVisible();
        assertThat(page.locator("#out-of-service")).hasCount(0);
        click("#start");
        expectState(SessionState.SERVICE);
    }

    // --- helpers -------------------------------------------------------------------------------

    private void walkTo(String language, String type) {
        click("#start");
        click("#service-vaccination");
        click(language);
        click(type);
        expectState(SessionState.PLACE_CARD);
    }

    private void walkToPin(String language, String type) {
        walkTo(language, type);
        card.setPresent(true);
        expectState(SessionState.PIN);
    }

    private void typePin(String digits) {
        for (char digit : digits.toCharArray()) {
            int before = page.locator("#pin-boxes .filled").count();
            click("#pin-" + digit);
            assertThat(page.locator("#pin-boxes .filled")).hasCount(before + 1);
        }
    }

    private void click(String selector) {
        page.locator(selector).click();
    }

    private void expectState(SessionState state) {
        assertThat(page.locator("body")).hasAttribute("data-state", state.name());
        // card data comes from the chip only: no screen has a field to type anything into
        assertThat(page.locator("input, textarea, select, [contenteditable]")).hasCount(0);
    }

    private int spokenCount() {
        return ((Number) page.evaluate("window.kioskSpoken.length")).intValue();
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))
                .setAnimations(ScreenshotAnimations.DISABLED));
    }

    /** No cookies, no storage, nothing personal in any URL, no-store on every response. */
    private void assertBrowserKeepsNothing() {
        assertTrue(context.cookies().isEmpty(), "no cookies");
        assertEquals(0, ((Number) page.evaluate("localStorage.length + sessionStorage.length")).intValue(), "no storage");
        assertEquals("", page.evaluate("document.cookie"));
        for (String requested : requestUrls) {
            assertFalse(requested.contains("?"), "no query strings: " + requested);
            assertFalse(requested.contains("1234"), "no PIN in a URL");
            assertFalse(requested.contains(FakeCenter.NAME) || requested.contains("%E5%B1%B1%E7%94%B0"), "no name in a URL");
        }
        assertTrue(responsesWithoutNoStore.isEmpty(), "no-store everywhere, missing on " + responsesWithoutNoStore);
        Locator pinBoxes = page.locator("#pin-boxes");
        assertEquals(0, pinBoxes.count(), "the PIN pad is gone");
    }
}
