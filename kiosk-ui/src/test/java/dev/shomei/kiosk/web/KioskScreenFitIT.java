package dev.shomei.kiosk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
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
import dev.shomei.kiosk.voice.Speaker;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every screen, in both languages, at the kiosk's 1280x1024 and a portrait 1080x1920, at normal
 * and large text, with the longest names the line allows in practice, five doses and more: every
 * button is inside the viewport and is what a touch at its centre hits; nothing is cut off; five
 * doses need no scrolling. axe-core finds no serious or critical violation on any screen, in
 * normal, high-contrast and low layout. Saves the screenshots docs/kiosk.md shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskScreenFitIT {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("shomei.root", ".."))
            .resolve("docs/images/kiosk");
    private static final int[][] VIEWPORTS = {{1280, 1024}, {1080, 1920}};
    static final String LONG_NAME = "勅使河原　左衛門三郎太朗之助";
    static final String LONG_LATIN = "TESHIGAWARA SAEMONSABUROTARONOSUKE";
    static final String LONG_CITY = "999999";

    private Chromium chromium;
    private MutableClock clock;
    private FakeCard card;
    private FakeCenter center;
    private SimulatedCoinUnit coins;
    private FakePrinter printer;
    private Kiosk kiosk;
    private BrowserContext context;
    private Page page;
    private String language;
    private final List<String> problems = new ArrayList<>();
    private int checks;

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
        problems.clear();
        clock = MutableClock.noonInJapan();
        card = new FakeCard("1234").livingAt("東京都文京区春日一丁目１６番２１号");
        center = new FakeCenter();
        center.setMunicipalities(municipalities());
        coins = new SimulatedCoinUnit();
        printer = new FakePrinter();
        kiosk = Kiosk.start(new KioskSession.Devices(card, center, coins, printer),
                Kiosk.Settings.defaults().withSpeaker(Speaker.SILENT)
                        .withTimeouts(SessionTimeouts.uniform(Duration.ofSeconds(60), Duration.ofSeconds(8)))
                        .withHeartbeatInterval(Duration.ofHours(1)),
                clock);
        String url = kiosk.serveScreen(0, new SimulatedHardware(coins, null)).url();
        context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 1024).setLocale("ja-JP"));
        page = context.newPage();
        page.navigate(url);
        expectState(SessionState.IDLE);
        assertThat(page.locator("#voice-repeat")).isVisible();
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

    /** Japan's municipalities, some with long names in both languages (the longest real ones) taking part. */
    private static List<MunicipalityInfo> municipalities() {
        var both = EnumSet.allOf(CertificateType.class);
        List<MunicipalityInfo> list = new ArrayList<>();
        list.add(new MunicipalityInfo("462250", "いちき串木野市", "Ichikikushikino City", 300,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
        list.add(new MunicipalityInfo("082350", "つくばみらい市", "Tsukubamirai City", 300,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
        list.add(new MunicipalityInfo("014052", "北海道余市郡仁木町", "Niki Town, Yoichi District, Hokkaido", 300,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
        list.add(new MunicipalityInfo("192082", "南アルプス市", "Minami-Alps City", 300,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
        list.add(new MunicipalityInfo("463043", "鹿児島県熊毛郡南種子町", "Minamitane Town, Kumage District, Kagoshima", 300,
                LocalTime.of(6, 30), LocalTime.of(23, 0), EnumSet.of(CertificateType.DOMESTIC)));
        list.add(new MunicipalityInfo("013030", "北海道石狩郡当別町", "Tobetsu Town, Ishikari District, Hokkaido", 300,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
        // laid over the nationwide list by code, keeping each one's reading and place
        java.util.Map<String, MunicipalityInfo> byCode = new java.util.LinkedHashMap<>();
        FakeCenter.defaultMunicipalities().forEach(m -> byCode.put(m.code(), m));
        for (MunicipalityInfo m : list) {
            MunicipalityInfo national = byCode.get(m.code());
            byCode.put(m.code(), new MunicipalityInfo(m.code(), m.nameJa(), m.nameEn(), m.feePerCopyYen(), m.opensAt(),
                    m.closesAt(), m.certificateTypes(), national.nameKana(), true));
        }
        return List.copyOf(byCode.values());
    }

    /** A certificate with {@code doses} doses, the longest product names of the catalogue and a long name. */
    private void issueWith(int doses) {
        center.setIssuer(request -> {
            IssueResponse normal = FakeCenter.certificate(request);
            List<DoseSummary> list = IntStream.rangeClosed(1, doses).mapToObj(i -> new DoseSummary(i,
                    LocalDate.of(2021, 8, 20).plusMonths(4L * (i - 1)),
                    i % 2 == 0 ? "スパイクバックス（2価：BA.4-5）" : "コミナティ（2価：BA.4-5）",
                    i % 2 == 0 ? "モデルナ社" : "ファイザー社", "LOT-" + (100000 + i))).toList();
            CertificateSummary summary = new CertificateSummary(LONG_NAME,
                    request.certificateType() == CertificateType.OVERSEAS ? LONG_LATIN : "",
                    LocalDate.of(1985, 4, 1), list,
                    request.certificateType() == CertificateType.OVERSEAS ? "JPN" : "",
                    request.certificateType() == CertificateType.OVERSEAS ? "TK1234567" : "");
            return new IssueResponse(request.transactionId(), normal.certificateIds(), normal.feeYen(), request.copies(),
                    summary, ("%PDF-1.7 " + LONG_NAME).getBytes(StandardCharsets.UTF_8));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void everyScreenFitsEveryButtonIsReachableAndAxeFindsNothingSerious(String lang) {
        language = lang;
        issueWith(5);
        check("01-idle");
        click("#start");
        expectState(SessionState.SERVICE);
        check("02-service");
        click("#service-vaccination");
        expectState(SessionState.LANGUAGE);
        check("03-language");
        click("#lang-" + lang);
        expectState(SessionState.CERTIFICATE_TYPE);
        check("04-certificate-type");
        click("#type-overseas");
        expectState(SessionState.PLACE_CARD);
        check("05-place-card");
        card.gate.close();
        card.setPresent(true);
        expectState(SessionState.CHECKING_CARD);
        check("06-checking-card");
        card.gate.open();
        expectState(SessionState.PIN);
        page.keyboard().press("1");
        assertThat(page.locator("#pin-boxes .filled")).hasCount(1);
        page.keyboard().press("1");
        assertThat(page.locator("#pin-count")).containsText("2");
        check("07-pin");
        page.keyboard().press("1");
        page.keyboard().press("1");
        assertThat(page.locator("#pin-boxes .filled")).hasCount(4);
        page.keyboard().press("Enter");
        assertThat(page.locator("#notice")).isVisible();
        check("08-pin-wrong");
        card.gate.close();
        for (char digit : "1234".toCharArray()) {
            page.keyboard().press(String.valueOf(digit));
            assertThat(page.locator("#pin-boxes .filled")).hasCount(digit - '0');
        }
        page.keyboard().press("Enter");
        expectState(SessionState.READING);
        check("09-reading");
        card.gate.open();
        expectState(SessionState.REMOVE_CARD);
        check("10-remove-card");
        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
        assertThat(page.locator("#prefectures button")).hasCount(47);
        assertThat(page.locator("#m-" + FakeCenter.BUNKYO)).hasClass(java.util.regex.Pattern.compile("home"));
        check("11-municipality");
        // the municipality of registration at vaccination certifies its own doses (issue 19)
        assertThat(page.locator("#heading")).containsText(lang.equals("ja") ? "接種時に住民登録があった市区町村"
                : "registered when vaccinated");
        assertThat(page.locator("#municipality-sub")).containsText(lang.equals("ja") ? "その市区町村が証明します"
                : "certified by that municipality");
        click("#pref-1");
        click("#kana-3"); // 北海道's た row: more than a page
        assertThat(page.locator("#m-next")).isEnabled();
        check("11b-municipality-kana");
        click("#other-prefecture");
        chooseMunicipality(FakeCenter.BUNKYO);
        expectState(SessionState.COPIES);
        check("12-copies");
        center.gate.close();
        click("#copies-2");
        expectState(SessionState.REQUESTING);
        check("13-requesting");
        center.gate.open();
        expectState(SessionState.CONFIRM);
        assertThat(page.locator("#doses tbody tr")).hasCount(5);
        check("14-confirm");
        assertEquals(Boolean.TRUE, page.evaluate("() => { const r = document.getElementById('dose-region');"
                + " return r.scrollHeight <= r.clientHeight + 1; }"), "five doses need no scrolling");
        assertThat(page.locator("#confirm-birth")).hasText(lang.equals("ja") ? "1985年4月1日" : "1985-04-01");
        // overseas: the passport data on file, before paying (a renewed passport stops here)
        assertThat(page.locator("#confirm-name-latin")).hasText(LONG_LATIN);
        assertThat(page.locator("#confirm-nationality")).hasText("JPN");
        assertThat(page.locator("#confirm-passport")).hasText("TK1234567");
        assertThat(page.locator("#screen")).containsText(lang.equals("ja") ? "旅券が今のものと違うとき" : "Not your current passport?");
        assertThat(page.locator("#doses")).containsText(lang.equals("ja") ? "スパイクバックス" : "Spikevax Bivalent");
        click("#confirm-ok");
        expectState(SessionState.PAYMENT);
        click("#coin-100");
        check("15-payment");
        printer.gate.close();
        click("#coin-500");
        expectState(SessionState.PRINTING);
        check("16-printing");
        printer.gate.open();
        expectState(SessionState.TAKE_CERTIFICATE);
        check("17-take-certificate");
        click("#done");
        expectState(SessionState.IDLE);
        assertTrue(problems.isEmpty(), checks + " checks, problems:\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theRefusalTheCountdownAndTimeRanOutFitToo(String lang) {
        language = lang;
        walkToMunicipality(lang);
        click("#not-listed");
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#error-code")).hasCSS("font-size", "18px");
        check("18-refused");
        click("#acknowledge");
        expectState(SessionState.IDLE);

        walkToMunicipality(lang);
        chooseMunicipality(FakeCenter.BUNKYO);
        click("#copies-1");
        expectState(SessionState.CONFIRM);
        click("#confirm-ok");
        expectState(SessionState.PAYMENT);
        click("#coin-100");
        assertThat(page.locator("#inserted")).containsText("100");
        clock.advance(Duration.ofSeconds(45));
        assertThat(page.locator("#countdown")).isVisible();
        assertEquals("more-time", page.evaluate("() => document.activeElement && document.activeElement.id"),
                "the countdown's button has the focus");
        check("23-countdown");
        click("#more-time");
        assertThat(page.locator("#countdown")).isHidden();
        assertEquals(-1, kiosk.session().screen().secondsLeft(), "the wait started again");
        expectState(SessionState.PAYMENT);
        clock.advance(Duration.ofSeconds(45));
        assertThat(page.locator("#countdown")).isVisible();
        clock.advance(Duration.ofSeconds(20));
        expectState(SessionState.IDLE);
        assertThat(page.locator("#timed-out")).isVisible();
        assertThat(page.locator("#money-banner")).containsText(lang.equals("ja") ? "100円" : "¥100");
        check("24-timed-out");
        clock.advance(Duration.ofSeconds(61));
        assertThat(page.locator("#money-banner")).hasCount(0);
        assertThat(page.locator("#timed-out")).hasCount(0);
        assertTrue(problems.isEmpty(), checks + " checks, problems:\n" + String.join("\n", problems));
    }

    @Test
    void manyDosesScrollInTheirRegionWhileTheActionStaysReachable() {
        language = "ja";
        issueWith(9);
        walkToMunicipality("ja");
        chooseMunicipality(FakeCenter.BUNKYO);
        click("#copies-5");
        expectState(SessionState.CONFIRM);
        assertThat(page.locator("#doses tbody tr")).hasCount(9);
        for (int[] viewport : VIEWPORTS) {
            page.setViewportSize(viewport[0], viewport[1]);
            for (boolean large : new boolean[] {false, true}) {
                page.evaluate("large => window.kioskAssist({ large: large })", large);
                fits("many doses " + viewport[0] + "x" + viewport[1] + (large ? " large" : ""));
            }
        }
        page.setViewportSize(1280, 1024);
        page.evaluate("() => window.kioskAssist({ large: false })");
        page.locator("#dose-region").evaluate("r => r.scrollTop = r.scrollHeight");
        assertThat(page.locator("#doses tbody tr").last()).isInViewport();
        click("#confirm-ok");
        expectState(SessionState.PAYMENT);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theModesAreButtonsThatEndWithTheSession() {
        language = "ja";
        click("#start");
        click("#assist-large");
        assertThat(page.locator("body")).hasClass(java.util.regex.Pattern.compile("\\blarge\\b"));
        assertThat(page.locator("#assist-large")).hasAttribute("aria-pressed", "true");
        click("#assist-contrast");
        click("#assist-low");
        click("#voice-louder");
        assertThat(page.locator("#voice-volume")).containsText("4/5");
        click("#voice-headphones");
        assertThat(page.locator("#voice-headphones")).hasAttribute("aria-pressed", "true");
        assertEquals(4, kiosk.voice().settings().volume());
        click("#cancel");
        expectState(SessionState.IDLE);
        assertThat(page.locator("#assist-large")).hasAttribute("aria-pressed", "false");
        assertThat(page.locator("#assist-contrast")).hasAttribute("aria-pressed", "false");
        assertThat(page.locator("#voice-volume")).containsText("3/5");
        assertThat(page.locator("#voice-headphones")).hasAttribute("aria-pressed", "false");
        assertThat(page.locator("body")).not().hasClass(java.util.regex.Pattern.compile("\\blarge\\b"));
    }

    @Test
    void focusMovesToEachNewScreensHeadingAndBackWorksWithoutTheCardAgain() {
        language = "ja";
        click("#start");
        expectState(SessionState.SERVICE);
        assertThat(page.locator("#heading")).isFocused();
        walkToMunicipalityFromService("ja");
        assertThat(page.locator("#heading")).isFocused();
        chooseMunicipality(FakeCenter.BUNKYO);
        click("#copies-1");
        expectState(SessionState.CONFIRM);
        click("#back");
        expectState(SessionState.COPIES);
        click("#copies-2");
        expectState(SessionState.CONFIRM);
        assertThat(page.locator("#order")).containsText("2通");
        assertEquals(1, card.filesHandedOut.size(), "the card was read once");
    }

    @Test
    void theAccessibilityCheckSeesAProblemPlantedOnTheScreen() {
        language = "ja";
        page.evaluate("() => { const b = document.createElement('button'); b.textContent = 'planted';"
                + " b.style.color = '#999'; b.style.background = '#aaa'; document.body.append(b); }");
        axe("planted");
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("serious color-contrast")), problems.toString());
    }

    // --- walking ---------------------------------------------------------------------------------

    private void walkToMunicipality(String lang) {
        click("#start");
        expectState(SessionState.SERVICE);
        walkToMunicipalityFromService(lang);
    }

    private void walkToMunicipalityFromService(String lang) {
        click("#service-vaccination");
        click("#lang-" + lang);
        click("#type-domestic");
        expectState(SessionState.PLACE_CARD);
        card.setPresent(true);
        expectState(SessionState.PIN);
        for (char digit : "1234".toCharArray()) {
            click("#pin-" + digit);
            assertThat(page.locator("#pin-boxes .filled")).hasCount(digit - '0');
        }
        click("#pin-ok");
        expectState(SessionState.REMOVE_CARD);
        card.setPresent(false);
        expectState(SessionState.MUNICIPALITY);
    }

    /** Chooses the municipality: the card address's shortcut (Bunkyo) on the prefecture screen. */
    private void chooseMunicipality(String code) {
        click("#m-" + code);
    }

    private void click(String selector) {
        page.locator(selector).click();
    }

    private void expectState(SessionState state) {
        assertThat(page.locator("body")).hasAttribute("data-state", state.name());
    }

    // --- checking --------------------------------------------------------------------------------

    /** Both viewports, both text sizes: fits; axe in every mode; the screenshots. */
    private void check(String name) {
        for (int[] viewport : VIEWPORTS) {
            page.setViewportSize(viewport[0], viewport[1]);
            boolean kioskSize = viewport[0] == 1280;
            for (boolean large : new boolean[] {false, true}) {
                page.evaluate("large => window.kioskAssist({ large: large, contrast: false, low: false })", large);
                String where = language + " " + name + " " + viewport[0] + "x" + viewport[1] + (large ? " large" : "");
                fits(where);
                if (kioskSize && !large) {
                    axe(where);
                    screenshot(prefix() + name);
                }
                if (!kioskSize && !large && KEY_SCREENS.contains(name)) {
                    screenshot(prefix() + "portrait-" + name);
                }
                if (kioskSize && large && KEY_SCREENS.contains(name)) {
                    screenshot(prefix() + "large-" + name);
                }
            }
        }
        page.setViewportSize(1280, 1024);
        page.evaluate("() => window.kioskAssist({ large: false, contrast: true, low: false })");
        axe(language + " " + name + " contrast");
        if (KEY_SCREENS.contains(name)) {
            screenshot(prefix() + "contrast-" + name);
        }
        page.evaluate("() => window.kioskAssist({ large: false, contrast: false, low: true })");
        fits(language + " " + name + " low");
        axe(language + " " + name + " low");
        if (KEY_SCREENS.contains(name)) {
            screenshot(prefix() + "low-" + name);
        }
        page.evaluate("() => window.kioskAssist({ large: false, contrast: false, low: false })");
    }

    private static final List<String> KEY_SCREENS = List.of("01-idle", "04-certificate-type", "07-pin", "11-municipality", "11b-municipality-kana",
            "14-confirm", "23-countdown");

    private String prefix() {
        return language.equals("ja") ? "" : "en-";
    }

    /** Every visible button inside the viewport and hit at its centre; nothing cut off. */
    private void fits(String where) {
        checks++;
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("() => {"
                + " const out = []; const vw = innerWidth, vh = innerHeight;"
                + " const overlay = !document.getElementById('countdown').hidden;"
                + " const name = (e) => e ? (e.id ? '#' + e.id : e.tagName + '.' + e.className + ' \"' + e.textContent.slice(0, 20) + '\"') : 'nothing';"
                + " for (const b of document.querySelectorAll('button, [tabindex=\"0\"]')) {"
                + "   if (b.closest('[hidden]') || b.getClientRects().length === 0) continue;"
                + "   if (overlay && !b.closest('#countdown')) continue;"
                + "   const r = b.getBoundingClientRect();"
                + "   if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {"
                + "     out.push(name(b) + ' outside the viewport: ' + Math.round(r.left) + ',' + Math.round(r.top) + '-' + Math.round(r.right) + ',' + Math.round(r.bottom)); continue; }"
                + "   const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "   if (!hit || !(hit === b || b.contains(hit))) out.push(name(b) + ' is covered by ' + name(hit));"
                + " }"
                + " for (const id of ['screen', 'top', 'bottom', 'assist', 'sim']) {"
                + "   const e = document.getElementById(id);"
                + "   if (e && !e.hidden && e.scrollHeight > e.clientHeight + 1) out.push('#' + id + ' is cut off by ' + (e.scrollHeight - e.clientHeight) + ' px');"
                + "   if (e && !e.hidden && e.scrollWidth > e.clientWidth + 1) out.push('#' + id + ' is cut off sideways by ' + (e.scrollWidth - e.clientWidth) + ' px');"
                + " }"
                + " if (document.documentElement.scrollHeight > vh + 1) out.push('the page scrolls');"
                + " return out; }");
        found.forEach(problem -> problems.add(where + ": " + problem));
    }

    /**
     * axe.run in the page itself ("legacy mode"): the default mode injects axe twice and opens a second
     * page per analysis to merge frame results (1.5 s against 0.35 s per analysis here, 120 s of this
     * test); the kiosk screen is one document without frames, so the results are the same.
     */
    private void axe(String where) {
        AxeResults results = new AxeBuilder(page).setLegacyMode(true).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                "best-practice")).analyze();
        // the library reports a failed injection as an error with no violations: that is no pass
        assertEquals(null, results.getErrorMessage(), where + ": axe did not run");
        assertTrue(results.getPasses().size() > 10, where + ": axe checked " + results.getPasses().size() + " rules only");
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add(where + ": axe " + rule.getImpact() + " " + rule.getId() + " on "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
            }
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))
                .setAnimations(ScreenshotAnimations.DISABLED));
    }
}
