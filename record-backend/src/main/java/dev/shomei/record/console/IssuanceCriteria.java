package dev.shomei.record.console;

import dev.shomei.record.domain.Channel;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.Resident;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A search over issuance records, parsed from the form. Input that does not fit is listed in
 * {@link #problems} (message keys) and the search does not run; the typed text is shown back escaped.
 */
record IssuanceCriteria(String certificateId, LocalDate from, LocalDate to, IssuanceStatus status, Channel channel,
                        String terminalId, List<String> problems) {
    private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9A-Z]{1,16}");
    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Issuance and audit dates lie in these years. */
    private static final LocalDate EARLIEST_RECORD = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** Reads the fields {@code certificateId, from, to, status, channel, terminal} through {@code field}. */
    static IssuanceCriteria parse(java.util.function.Function<String, String> field) {
        List<String> problems = new ArrayList<>();
        String certificateId = field.apply("certificateId").toUpperCase(Locale.ROOT);
        if (!certificateId.isEmpty() && !CERTIFICATE_ID.matcher(certificateId).matches()) {
            problems.add("search.bad.certificateId");
            certificateId = "";
        }
        LocalDate from = date(field.apply("from"), problems, "search.bad.from");
        LocalDate to = date(field.apply("to"), problems, "search.bad.to");
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("search.bad.range");
        }
        IssuanceStatus status = enumValue(IssuanceStatus.class, field.apply("status"), problems, "search.bad.status");
        Channel channel = enumValue(Channel.class, field.apply("channel"), problems, "search.bad.channel");
        String terminal = field.apply("terminal");
        if (!terminal.isEmpty() && !TERMINAL_ID.matcher(terminal).matches()) {
            problems.add("search.bad.terminal");
            terminal = "";
        }
        return new IssuanceCriteria(certificateId.isEmpty() ? null : certificateId, from, to, status, channel,
                terminal.isEmpty() ? null : terminal, List.copyOf(problems));
    }

    boolean valid() {
        return problems.isEmpty();
    }

    /** The criteria for the audit log: codes and dates only. */
    String forAudit() {
        StringBuilder text = new StringBuilder();
        append(text, "certificate", certificateId);
        append(text, "from", from);
        append(text, "to", to);
        append(text, "status", status);
        append(text, "channel", channel);
        append(text, "terminal", terminalId);
        return text.isEmpty() ? "all" : text.toString().strip();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(name).append('=').append(value).append(' ');
        }
    }

    /** An issuance or audit date: the service's years. */
    static LocalDate date(String text, List<String> problems, String key) {
        return date(text, problems, key, EARLIEST_RECORD, LATEST);
    }

    /** A resident's birth date, as far back as a record may go. */
    static LocalDate birthDate(String text, List<String> problems, String key) {
        return date(text, problems, key, Resident.EARLIEST_BIRTH_DATE, LATEST);
    }

    private static LocalDate date(String text, List<String> problems, String key, LocalDate earliest, LocalDate latest) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(earliest) || date.isAfter(latest)) {
                problems.add(key);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(key);
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, List<String> problems, String key) {
        if (text.isEmpty()) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        problems.add(key);
        return null;
    }
}
