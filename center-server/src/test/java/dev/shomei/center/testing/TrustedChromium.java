package dev.shomei.center.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, trusting the dev root CA the proper way: a private NSS
 * database ({@code $HOME/.pki/nssdb}, made with {@code certutil}) under a throw-away HOME, so the
 * console's certificate verifies like any other (no ignore-HTTPS-errors). With {@code CI=true} a
 * missing Chromium or certutil fails the test; otherwise the test is skipped with a message.
 */
public final class TrustedChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CERTUTIL = Path.of("/usr/bin/certutil");

    private final Playwright playwright;
    private final Browser browser;

    private TrustedChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static TrustedChromium launch(Path caPem, Path home) throws IOException, InterruptedException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getProperty("CI"));
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CERTUTIL);
        if (!present) {
            String message = "needs Debian's chromium and certutil (apt-get install chromium libnss3-tools)";
            if (ci) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        Path nssdb = home.resolve(".pki").resolve("nssdb");
        Files.createDirectories(nssdb);
        run(CERTUTIL.toString(), "-d", "sql:" + nssdb, "-N", "--empty-password");
        run(CERTUTIL.toString(), "-d", "sql:" + nssdb, "-A", "-t", "C,,", "-n", "shomei-dev-root", "-i", caPem.toString());
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setEnv(Map.of("HOME", home.toString()))
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            return new TrustedChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
