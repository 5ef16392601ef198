package dev.shomei.printing.verify;

import java.util.List;

/**
 * The outcome for one QR code: what kind it is, whether it is valid, why not, and what it says
 * (lines for the verifier's screen; they contain the holder's data, so they are printed, never logged).
 */
public record Verdict(int page, Kind kind, boolean valid, String reason, List<String> statements, Revocation revocation) {
    /** A verdict whose revocation was not looked at. */
    public Verdict(int page, Kind kind, boolean valid, String reason, List<String> statements) {
        this(page, kind, valid, reason, statements, Revocation.notChecked("no revocation list given"));
    }

    /** Valid and on a revocation list. */
    public boolean revoked() {
        return valid && revocation.state() == Revocation.State.REVOKED;
    }

    public enum Kind {
        SMART_HEALTH_CARD("SMART Health Card"),
        VDS_NC("ICAO VDS-NC"),
        UNKNOWN("unknown QR code");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Verdict {
        statements = List.copyOf(statements);
        java.util.Objects.requireNonNull(revocation, "revocation");
    }

    @Override
    public String toString() {
        return "Verdict[page=" + page + ", kind=" + kind + ", valid=" + valid + ", reason=" + reason + ", revocation="
                + revocation.state() + "]";
    }
}
