package dev.shomei.printing.verify;

/** Whether a verified QR code's certificate is revoked, or why that could not be told. */
public record Revocation(State state, String note) {
    public enum State {
        /** The list was read and the certificate is not on it. */
        NOT_REVOKED,
        /** The certificate is on its issuer's revocation list. */
        REVOKED,
        /** No list could be read: the verdict says nothing about revocation. */
        NOT_CHECKED
    }

    public static Revocation notChecked(String why) {
        return new Revocation(State.NOT_CHECKED, why);
    }

    /** The line a verifier reads: "revocation: ...". */
    public String line() {
        return switch (state) {
            case NOT_REVOKED -> "revocation: not revoked (" + note + ")";
            case REVOKED -> "REVOKED: " + note;
            case NOT_CHECKED -> "revocation: not checked (" + note + ")";
        };
    }
}
