package dev.shomei.center.hours;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A planned stop, in Japan time: from {@code start} (inclusive) to {@code end} (exclusive), for one
 * municipality (its record system is down) or for everyone ({@code municipalityCode} empty).
 */
public record MaintenanceWindow(LocalDateTime start, LocalDateTime end, String municipalityCode, String note) {
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    public MaintenanceWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a maintenance window must end after it starts");
        }
        municipalityCode = Objects.requireNonNullElse(municipalityCode, "");
        if (!municipalityCode.isEmpty() && !CODE.matcher(municipalityCode).matches()) {
            throw new IllegalArgumentException("municipality code must be 6 digits or empty (all)");
        }
        note = Objects.requireNonNullElse(note, "").strip();
        if (note.length() > 200 || note.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("note must be at most 200 printable characters");
        }
    }

    /** Whether this window stops {@code code} at Japan time {@code now}. */
    public boolean covers(String code, LocalDateTime now) {
        return (municipalityCode.isEmpty() || municipalityCode.equals(code))
                && !now.isBefore(start) && now.isBefore(end);
    }

    public boolean isOver(LocalDateTime now) {
        return !now.isBefore(end);
    }
}
