package dev.shomei.kiosk.center;

/**
 * Told after each heartbeat whether the center has this terminal in service: an acknowledged
 * heartbeat means in service, a refusal TERMINAL_DISABLED (the terminal is disabled on the
 * operator console) out of service. A heartbeat that did not get through tells nothing.
 */
@FunctionalInterface
public interface ServiceStatusListener {

    void serviceStatus(boolean inService);
}
