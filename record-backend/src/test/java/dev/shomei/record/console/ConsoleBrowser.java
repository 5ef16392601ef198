package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.shomei.record.domain.MyNumber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Real Chromium on a {@link ConsoleFixture}'s clerk console, the way every console browser test uses
 * it: trusting the fixture's dev CA, Japanese, at 1280 x 900, downloads allowed; logging in with
 * password and TOTP by keyboard, logging out, saving the docs' screenshots when
 * {@code -Dshomei.screenshots=DIR} is set, and checking that no My Number reached the page.
 */
final class ConsoleBrowser implements AutoCloseable {
    private final ConsoleFixture fixture;
    private final TrustedChromium chromium;
    private final BrowserContext context;
    private final Page page;

    private ConsoleBrowser(ConsoleFixture fixture, TrustedChromium chromium) {
        this.fixture = fixture;
        this.chromium = chromium;
        this.context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setAcceptDownloads(true).setLocale("ja-JP").setViewportSize(1280, 900));
        this.page = context.newPage();
    }

    /** Launches Chromium with its profile in {@code home}, trusting {@code rootCaPem}. */
    static ConsoleBrowser open(ConsoleFixture fixture, Path home, Path rootCaPem) throws Exception {
        return new ConsoleBrowser(fixture, TrustedChromium.launch(home, rootCaPem));
    }

    BrowserContext context() {
        return context;
    }

    Page page() {
        return page;
    }

    /** Logs {@code user} in with the fixture's password and current TOTP code. */
    void login(String user) {
        login(user, fixture.code(user));
    }

    /** Logs {@code user} in with {@code totpCode} (users of another fixture have their own secrets). */
    void login(String user, String totpCode) {
        fillLogin(user, totpCode);
        submitLogin();
    }

    /** As {@link #login(String)}, saving the filled form as the docs' {@code login} screenshot first. */
    void loginShowingTheForm(String user) {
        fillLogin(user, fixture.code(user));
        screenshot("login");
        submitLogin();
    }

    void logout() {
        page.locator("header form button").click();
        page.waitForURL(fixture.origin() + "/login");
    }

    /** Saves the whole page as {@code <name>.png} when {@code -Dshomei.screenshots=DIR} is set. */
    void screenshot(String name) {
        String target = System.getProperty("shomei.screenshots");
        if (target != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(target).resolve(name + ".png")).setFullPage(true));
        }
    }

    /** The page shows neither of the fixture's My Numbers nor any of {@code others}. */
    void assertNoMyNumber(MyNumber... others) {
        assertNoMyNumberIn(page.content(), others);
    }

    /** {@code text} (a page, a download) holds neither of the fixture's My Numbers nor any of {@code others}. */
    void assertNoMyNumberIn(String text, MyNumber... others) {
        List<MyNumber> numbers = new ArrayList<>(List.of(fixture.myNumberA, fixture.myNumberB));
        numbers.addAll(List.of(others));
        for (MyNumber number : numbers) {
            assertFalse(text.contains(number.digits()), "a My Number was shown or exported");
        }
    }

    @Override
    public void close() {
        context.close();
        chromium.close();
    }

    private void fillLogin(String user, String totpCode) {
        page.navigate(fixture.origin() + "/login");
        page.locator("#user").fill(user);
        page.locator("#password").fill(ConsoleFixture.PASSWORD);
        page.locator("#code").fill(totpCode);
    }

    private void submitLogin() {
        page.locator("#code").press("Enter"); // keyboard only
        page.waitForURL(Pattern.compile(".*/(issuances|users|statistics)$"));
    }
}
