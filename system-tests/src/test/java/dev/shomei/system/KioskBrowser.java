package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.shomei.card.testing.Pcscd;
import dev.shomei.kiosk.testing.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium (Playwright, no browser download) as the kiosk's touch screen. Unlike
 * kiosk-ui's {@link Chromium} it keeps its profile under the system test's own temp directory
 * ({@code TMPDIR} of the Playwright driver, which creates the profile there), so the leftover scan
 * reads the browser's cache and storage as they stand while it is open, and nothing else on the
 * machine. Without Chromium it fails when {@code CI=true} and skips otherwise.
 */
final class KioskBrowser implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;

    private KioskBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static KioskBrowser launch(Path tmp) throws IOException {
        if (!Files.isExecutable(Chromium.EXECUTABLE)) {
            String message = "Chromium is not installed at " + Chromium.EXECUTABLE + " (apt-get install chromium)";
            if (Pcscd.isCi()) {
                fail(message + " (CI=true)");
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(tmp);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "TMPDIR", tmp.toString())));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Chromium.EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            return new KioskBrowser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh 1280x1024 page (the kiosk's screen) showing {@code url}. */
    Page open(String url) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1024));
        Page page = context.newPage();
        page.navigate(url);
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
