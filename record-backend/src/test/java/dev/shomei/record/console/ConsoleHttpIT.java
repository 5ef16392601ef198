package dev.shomei.record.console;

import static dev.shomei.record.console.ConsoleHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.domain.MyNumber;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the clerk console's tests over HTTPS share: a {@link ConsoleFixture} on a fresh database (SQLite
 * here; a PostgreSQL twin overrides {@link #databaseUrl()}), a {@link ConsoleHttp} client trusting the dev
 * CA, logging in with password and TOTP, reading a page that must answer 200, and the check that no page
 * showed a My Number. A subclass's own {@code @BeforeEach} runs after this set-up and its {@code @AfterEach}
 * before the fixture closes.
 */
abstract class ConsoleHttpIT {
    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;
    ConsoleFixture fixture;
    ConsoleHttp http;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void startConsole() throws Exception {
        fixture = new ConsoleFixture(dir, pki, databaseUrl());
        http = new ConsoleHttp(pki, fixture.origin());
    }

    /** The engine under test: SQLite here, PostgreSQL in a twin. */
    protected String databaseUrl() {
        return dev.shomei.record.db.Database.defaultUrl(dir);
    }

    @AfterEach
    void stopConsole() {
        fixture.close();
    }

    /** A fresh login of {@code user} (the cookies of the one before dropped). */
    void login(String user) throws Exception {
        http.cookies.clear();
        assertEquals(303, http.login(user, ConsoleFixture.PASSWORD, fixture.code(user)).statusCode());
    }

    /** The page at {@code path}, which must answer 200. */
    String page(String path) throws Exception {
        HttpResponse<byte[]> response = http.get(path);
        assertEquals(200, response.statusCode(), path + ": " + text(response));
        return text(response);
    }

    /** No page this test received showed either of the fixture's My Numbers or any of {@code others}. */
    void assertNoPageShowedAMyNumber(MyNumber... others) {
        List<MyNumber> numbers = new ArrayList<>(List.of(fixture.myNumberA, fixture.myNumberB));
        numbers.addAll(List.of(others));
        for (byte[] body : http.bodies) {
            String page = new String(body, StandardCharsets.UTF_8);
            for (MyNumber number : numbers) {
                assertFalse(page.contains(number.digits()), "a page showed a My Number");
            }
        }
    }
}
