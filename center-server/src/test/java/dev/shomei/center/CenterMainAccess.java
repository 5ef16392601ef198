package dev.shomei.center;

import java.io.PrintStream;
import java.nio.file.Path;

/** Lets tests in other packages run {@code center audit-verify} without exiting the JVM. */
public final class CenterMainAccess {
    private CenterMainAccess() {
    }

    public static int auditVerify(Path centerDir, PrintStream out) {
        return CenterMain.auditVerify(centerDir, out);
    }
}
