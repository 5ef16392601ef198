package dev.shomei.record.users;

import java.time.LocalDate;

/** What an administrator fills in to issue an id. */
public record NewUser(String id, String displayName, Role role, Scope scope, LocalDate expiresOn, boolean shared,
                      String sharedPeople, String sharedTerminals) {
}
