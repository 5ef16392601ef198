package dev.shomei.center.console.auth;

/**
 * What an operator may do. OPERATOR: watch the board, acknowledge alerts, enable and disable
 * terminals. ADMIN: also municipality participation, fees and hours, and maintenance windows.
 */
public enum Role {
    OPERATOR, ADMIN;

    public boolean mayAdminister() {
        return this == ADMIN;
    }
}
