package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.fail;

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
 * kiosk-ui's {@link Chromium} its profile is a directory the test chooses, under the system test's
 * own state, so the leftover scan reads the browser's cache and storage as they stand while it is
 * open. Without Chromium it fails when {@code CI=true} and skips otherwise.
 */
final class KioskBrowser implements AutoCloseable {
    /**
     * The Playwright driver's {@code TMPDIR} (its artifacts). Playwright Java keeps one driver
     * set-up per JVM with the environment of the first {@code Playwright.create}, so this directory
     * must outlive every test class of the run: one per module build, scanned like the rest.
     */
    static final Path DRIVER_TMP = Path.of("target", "playwright-tmp").toAbsolutePath();

    private final Playwright playwright;
    private final BrowserContext context;

    private KioskBrowser(Playwright playwright, BrowserContext context) {
        this.playwright = playwright;
        this.context = context;
    }

    /** Chromium with its profile in {@code profile} (created). */
    static KioskBrowser launch(Path profile) throws IOException {
        if (!Files.isExecutable(Chromium.EXECUTABLE)) {
            String message = "Chromium is not installed at " + Chromium.EXECUTABLE + " (apt-get install chromium)";
            if (Pcscd.isCi()) {
                fail(message + " (CI=true)");
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(profile);
        Files.createDirectories(DRIVER_TMP);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "TMPDIR", DRIVER_TMP.toString())));
        try {
            BrowserContext context = playwright.chromium().launchPersistentContext(profile,
                    new BrowserType.LaunchPersistentContextOptions()
                            .setExecutablePath(Chromium.EXECUTABLE)
                            .setHeadless(true)
                            .setViewportSize(1280, 1024)
                            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--no-first-run")));
            return new KioskBrowser(playwright, context);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh 1280x1024 tab (the kiosk's screen) showing {@code url}. */
    Page open(String url) {
        Page page = context.newPage();
        page.navigate(url);
        return page;
    }

    @Override
    public void close() {
        context.close();
        playwright.close();
    }
}
