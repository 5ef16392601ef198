package dev.shomei.record.users;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.domain.MunicipalityCode;
import java.util.Optional;

/**
 * The area a user works in: one municipality ({@code 131059}), one prefecture by its two-digit code
 * ({@code 13}: every municipality whose code starts with it), or the whole country ({@code *}).
 */
public record Scope(String value) {
    public static final Scope NATIONAL = new Scope("*");

    public Scope {
        if (value == null || !(value.equals("*") || value.matches("(0[1-9]|[1-3][0-9]|4[0-7])")
                || MunicipalityCode.isValid(value))) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST,
                    "scope must be a municipality code, a prefecture code 01..47 or *");
        }
    }

    public static Scope of(MunicipalityCode code) {
        return new Scope(code.value());
    }

    public static Scope parse(String value) {
        return new Scope(value == null ? null : value.strip());
    }

    public Optional<MunicipalityCode> municipality() {
        return value.length() == 6 ? Optional.of(MunicipalityCode.of(value)) : Optional.empty();
    }

    public boolean isNational() {
        return value.equals("*");
    }

    /** Whether the municipality lies inside this scope. */
    public boolean covers(MunicipalityCode code) {
        return isNational() || code.value().startsWith(value);
    }

    /** Whether every municipality of {@code other} lies inside this scope. */
    public boolean covers(Scope other) {
        return isNational() || !other.isNational() && other.value.startsWith(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
