package dev.shomei.center;

import dev.shomei.center.console.ConsoleContext;
import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.auth.Role;
import dev.shomei.consolesecurity.AuditTrail;
import dev.shomei.consolesecurity.PasswordHashes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@code center first-admin --username NAME}: the production center's first administrator, made
 * once on the center's machine by the person who will hold it. The password is typed (twice, not
 * echoed) or read from standard input with {@code --password-stdin}; the TOTP secret is shown once
 * on the terminal, never written to a file. Refused when any operator account exists: further
 * accounts are made in the console. A production center does not start without an account.
 */
final class FirstAdmin {
    private FirstAdmin() {
    }

    /** Reads the password from {@code in} when {@code console} is null (--password-stdin); 0 when made. */
    static int run(Path dir, String username, java.io.Console console, BufferedReader in, PrintStream out,
            PrintStream err) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,31}")) {
            err.println("center: --username needs 2-32 characters: a-z first, then a-z 0-9 . _ -");
            return 2;
        }
        OperatorAccounts accounts = accounts(dir);
        if (!accounts.isEmpty()) {
            err.println("center: operator accounts exist already; an administrator adds more in the console");
            return 2;
        }
        char[] password = null;
        try {
            password = console != null ? typedTwice(console) : readLine(in);
            if (password == null) {
                err.println("center: the two passwords differ or none was given; nothing was created");
                return 2;
            }
            if (!PasswordHashes.isAcceptable(password)) {
                err.println("center: " + PasswordHashes.rule());
                return 2;
            }
            String secret = accounts.create(username, Role.ADMIN, password);
            new AuditTrail(dir.resolve(ConsoleContext.OPERATOR_AUDIT_FILE), Clock.systemUTC())
                    .append(username, "first-admin", "CREATE_OPERATOR", username, null, "ADMIN");
            out.println("center: administrator " + username + " created.");
            out.println("Enrol this TOTP secret in an authenticator app now (SHA-1, 6 digits, 30 s); it is not shown again:");
            out.println("  " + secret);
            out.println("  otpauth://totp/shomei-center:" + username + "?secret=" + secret + "&issuer=shomei-center");
            return 0;
        } catch (IOException e) {
            err.println("center: could not read the password: " + e.getMessage());
            return 1;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Whether a production center may start: it needs at least one operator account. */
    static void requireAccounts(Path dir) {
        if (accounts(dir).isEmpty()) {
            throw new IllegalStateException("no operator accounts: create the first administrator with "
                    + "`./shomei center first-admin --username NAME` on this machine (docs/operations.md)");
        }
    }

    private static OperatorAccounts accounts(Path dir) {
        return new OperatorAccounts(dir.resolve("operators.json"), new SecureRandom(), PasswordHashes.ITERATIONS);
    }

    private static char[] typedTwice(java.io.Console console) {
        char[] first = console.readPassword("password for the first administrator: ");
        char[] second = console.readPassword("the same again: ");
        if (first == null || second == null || first.length == 0 || !Arrays.equals(first, second)) {
            wipe(first);
            wipe(second);
            return null;
        }
        wipe(second);
        return first;
    }

    private static char[] readLine(BufferedReader in) throws IOException {
        String line = in.readLine();
        return line == null || line.isEmpty() ? null : line.toCharArray();
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
