package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.pki.DevPki;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 point 5: every label of the clerk console in Japanese, codes only as small secondary text.
 * Walks the pages of each role (after logins refused and a void by timeout, so the audit log and the
 * issuance list hold codes) and finds no upper-case code word outside {@code <small class="code">}
 * but the resident's passport data and the word CSV.
 */
class ClerkConsoleLabelsIT {
    private static final Pattern CODE_WORD = Pattern.compile("(?<![-\\w])[A-Z][A-Z_]{2,}(?![-\\w])");
    /** The resident's passport data (Roman name, nationality code), and CSV, a word Japanese uses as it is (CSV出力). */
    private static final Set<String> NOT_CODES = Set.of("TAKATSUKASA", "UTANOSUKE", "JPN", "CSV");

    @TempDir
    Path dir;
    DevPki pki;
    ConsoleFixture fixture;

    @BeforeEach
    void start() {
        pki = DevPki.ensure(dir.resolve("pki"));
        fixture = new ConsoleFixture(dir.resolve("store"), pki);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** The visible text without the small secondary codes, scripts, styles and select options. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?s)<small class=\"code\">.*?</small>", " ")
                .replaceAll("(?s)<(option|style|script)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ");
        return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    }

    @Test
    void everyPageSpeaksJapaneseWithCodesOnlyAsSmallText() throws Exception {
        fixture.store.database().write(tx -> tx.update(
                "UPDATE issuance SET status = 'VOIDED', void_reason = 'TIMEOUT' WHERE certificate_id = ?", fixture.certificateA2));
        String resident = "/residents/" + fixture.residentA.id();
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("supervisor-a", List.of("/issuances", "/residents", resident, resident + "/passport", resident + "/requests",
                resident + "/add-dose", resident + "/alternative-name", "/issuances/" + fixture.certificateA + "/void",
                "/export", "/requests", "/retention", "/resident-entry", "/audit", "/audit/review"));
        pages.put("admin-a", List.of("/users", "/users/clerk-a", "/users/report", "/users/new", "/audit", "/audit/review"));
        pages.put("stats", List.of("/statistics"));
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> role : pages.entrySet()) {
            ConsoleHttp http = new ConsoleHttp(pki, fixture.origin());
            http.login("nobody-here", "Wrong-Password-99", "000000"); // an audit entry with reason=UNKNOWN_ID
            assertEquals(303, http.login(role.getKey(), ConsoleFixture.PASSWORD, fixture.code(role.getKey())).statusCode());
            for (String path : role.getValue()) {
                HttpResponse<byte[]> response = http.get(path);
                assertEquals(200, response.statusCode(), role.getKey() + " " + path);
                Matcher code = CODE_WORD.matcher(visibleText(ConsoleHttp.text(response)));
                while (code.find()) {
                    if (!NOT_CODES.contains(code.group())) {
                        found.add(role.getKey() + " " + path + ": " + code.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
        ConsoleHttp supervisor = new ConsoleHttp(pki, fixture.origin());
        supervisor.login("supervisor-a", ConsoleFixture.PASSWORD, fixture.code("supervisor-a"));
        supervisor.get("/issuances");
        String list = ConsoleHttp.text(supervisor.post("/issuances", Map.of("search", "1", "certificateId", fixture.certificateA2)));
        assertTrue(list.contains("無効 (時間切れ)"), "a void reason in words: " + list);
    }
}
