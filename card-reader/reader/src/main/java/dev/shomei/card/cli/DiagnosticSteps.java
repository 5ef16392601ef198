package dev.shomei.card.cli;

import java.io.PrintStream;

/** Prints one line per diagnostic step: {@code OK  step: detail} or {@code NG  step: reason}. */
final class DiagnosticSteps {
    private final PrintStream out;
    private String failedStep;

    DiagnosticSteps(PrintStream out) {
        this.out = out;
    }

    void ok(String step, String detail) {
        out.println("OK  " + step + (detail.isEmpty() ? "" : ": " + detail));
    }

    /** Records the failure and returns exit code 1. */
    int ng(String step, String reason) {
        out.println("NG  " + step + ": " + reason);
        failedStep = step;
        return 1;
    }

    void info(String line) {
        out.println("    " + line);
    }

    String failedStep() {
        return failedStep;
    }
}
