package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium under Playwright, trusting the dev CA the way an office PC would trust the
 * municipality's CA: a private NSS database ({@code $HOME/.pki/nssdb}, made with {@code certutil}
 * from libnss3-tools) holds the dev root as a trust anchor, so TLS is verified for real (no
 * ignore-HTTPS-errors). Missing Chromium or certutil fails the test when {@code CI=true} and skips
 * it otherwise.
 */
final class TrustedChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CERTUTIL = Path.of("/usr/bin/certutil");

    private final Playwright playwright;
    private final Browser browser;

    private TrustedChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static TrustedChromium launch(Path home, Path caPem) throws Exception {
        for (Path tool : List.of(CHROMIUM, CERTUTIL)) {
            if (!Files.isExecutable(tool)) {
                String message = tool + " is missing (apt-get install chromium libnss3-tools)";
                if ("true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getProperty("CI"))) {
                    fail(message);
                }
                Assumptions.abort(message);
            }
        }
        Path nssdb = home.resolve(".pki").resolve("nssdb");
        Files.createDirectories(nssdb);
        run(CERTUTIL.toString(), "-d", "sql:" + nssdb, "-N", "--empty-password");
        run(CERTUTIL.toString(), "-d", "sql:" + nssdb, "-A", "-t", "C,,", "-n", "shomei-dev-root", "-i", caPem.toString());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", home.toString());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setEnv(env)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            return new TrustedChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    Browser browser() {
        return browser;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
