package dev.shomei.record.console;

import dev.shomei.protocol.ServiceRules;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The monthly review of console accesses (the seed: 毎月、複数の職員によりアクセス及び操作ログを確認):
 * per user how often they logged in, were refused, searched, viewed, exported and changed; every
 * access outside office hours (before {@code opens}, after {@code closes}, Saturdays and Sundays;
 * public holidays are not known to the system); and days on which a user viewed more than
 * {@code bulkThreshold} distinct residents or exported.
 */
record AuditReview(List<UserSummary> users, List<AuditEntry> afterHours, List<BulkDay> bulk) {
    private static final Set<String> CHANGES = Set.of("CORRECT_DOSE", "SET_STATUS", "REGISTER_PASSPORT", "VOID_ISSUANCE",
            "ADD_RESIDENT", "ADD_DOSE", "REMOVE_DOSE", "DELETE_RESIDENT", "HOLD_RESIDENT", "RELEASE_HOLD", "TAKE_OVER_DOSES");

    /** One user's month. */
    record UserSummary(String userId, int logins, int refusedLogins, int searches, int views, int distinctResidents,
                       int exports, int changes, int afterHours) {
    }

    /** A day with bulk access by one user. */
    record BulkDay(String userId, LocalDate day, int distinctResidents, int exports) {
    }

    static AuditReview of(List<AuditEntry> entries, LocalTime opens, LocalTime closes, int bulkThreshold) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Set<String>> residents = new TreeMap<>();
        Map<String, Map<LocalDate, Set<String>>> perDay = new TreeMap<>();
        Map<String, Map<LocalDate, Integer>> exportsPerDay = new TreeMap<>();
        List<AuditEntry> afterHours = new ArrayList<>();
        for (AuditEntry entry : entries) {
            int[] c = counts.computeIfAbsent(entry.actorId(), id -> new int[7]);
            LocalDateTime local = LocalDateTime.ofInstant(entry.at(), ServiceRules.ZONE);
            boolean ok = "OK".equals(entry.outcome());
            switch (entry.action()) {
                case "LOGIN" -> c[ok ? 0 : 1]++;
                case "SEARCH_ISSUANCES", "SEARCH_RESIDENTS" -> c[2]++;
                case "VIEW_RESIDENT" -> {
                    c[3]++;
                    if (ok) {
                        residents.computeIfAbsent(entry.actorId(), id -> new HashSet<>()).add(entry.targetId());
                        perDay.computeIfAbsent(entry.actorId(), id -> new TreeMap<>())
                                .computeIfAbsent(local.toLocalDate(), day -> new HashSet<>()).add(entry.targetId());
                    }
                }
                case "EXPORT", "EXPORT_RESIDENTS" -> {
                    c[4]++;
                    exportsPerDay.computeIfAbsent(entry.actorId(), id -> new TreeMap<>())
                            .merge(local.toLocalDate(), 1, Integer::sum);
                }
                default -> {
                    if (CHANGES.contains(entry.action())) {
                        c[5]++;
                    }
                }
            }
            if (isAfterHours(local, opens, closes)) {
                c[6]++;
                afterHours.add(entry);
            }
        }
        List<UserSummary> users = new ArrayList<>();
        counts.forEach((user, c) -> users.add(new UserSummary(user, c[0], c[1], c[2], c[3],
                residents.getOrDefault(user, Set.of()).size(), c[4], c[5], c[6])));
        List<BulkDay> bulk = new ArrayList<>();
        Set<String> actors = new java.util.TreeSet<>(perDay.keySet());
        actors.addAll(exportsPerDay.keySet());
        for (String user : actors) {
            Map<LocalDate, Set<String>> views = perDay.getOrDefault(user, Map.of());
            Map<LocalDate, Integer> exports = exportsPerDay.getOrDefault(user, Map.of());
            Set<LocalDate> days = new java.util.TreeSet<>(views.keySet());
            days.addAll(exports.keySet());
            for (LocalDate day : days) {
                int distinct = views.getOrDefault(day, Set.of()).size();
                int exported = exports.getOrDefault(day, 0);
                if (distinct > bulkThreshold || exported > 0) {
                    bulk.add(new BulkDay(user, day, distinct, exported));
                }
            }
        }
        return new AuditReview(List.copyOf(users), List.copyOf(afterHours), List.copyOf(bulk));
    }

    static boolean isAfterHours(LocalDateTime local, LocalTime opens, LocalTime closes) {
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || time.isBefore(opens) || !time.isBefore(closes);
    }
}
