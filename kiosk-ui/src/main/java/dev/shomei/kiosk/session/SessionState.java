package dev.shomei.kiosk.session;

/**
 * Every screen of the kiosk session. The normal path runs top to bottom; {@link #REFUSED} shows a
 * refusal's message and what to do next. {@link #step()} drives the progress indicator.
 */
public enum SessionState {
    /** Waiting for a resident (attract screen); while out of service, saying so and starting nothing. */
    IDLE(0, false, false),
    /** Choose the service: the vaccination certificate. */
    SERVICE(1, true, false),
    LANGUAGE(1, true, false),
    CERTIFICATE_TYPE(1, true, false),
    /** Place the My Number card on the reader. */
    PLACE_CARD(2, true, false),
    /** Asking the card how many PIN tries are left (consumes none). */
    CHECKING_CARD(2, true, true),
    /** The fixed PIN pad; tries left shown before the first try. */
    PIN(2, true, false),
    /** VERIFY, then read EF 0001..0004. */
    READING(2, true, true),
    /** The resident must take the card out before going on. */
    REMOVE_CARD(2, true, false),
    /** Choose from the center's list of participating municipalities. */
    MUNICIPALITY(3, true, false),
    COPIES(3, true, false),
    /** Waiting for the center's certificate. */
    REQUESTING(3, true, true),
    /** Name, birth date and doses, checked before paying. */
    CONFIRM(4, true, false),
    PAYMENT(5, true, false),
    PRINTING(6, false, true),
    /** Reminds (screen and voice, repeating) until the resident presses "done". */
    TAKE_CERTIFICATE(6, false, false),
    /** A refusal's message and what to do next. */
    REFUSED(0, false, false);

    /** Steps of the progress indicator. */
    public static final int STEPS = 6;

    private final int step;
    private final boolean cancellable;
    private final boolean busy;

    SessionState(int step, boolean cancellable, boolean busy) {
        this.step = step;
        this.cancellable = cancellable;
        this.busy = busy;
    }

    /** The progress step 1..{@value #STEPS}, or 0 where no progress is shown. */
    public int step() {
        return step;
    }

    /** Whether the resident may cancel here (everything until the payment is complete). */
    public boolean cancellable() {
        return cancellable;
    }

    /**
     * Whether the screen waits for the resident to act before the session can go on: these count
     * down before their timeout and offer more time. (Not the busy screens, not the certificate
     * already printed, not a refusal.)
     */
    public boolean asksTheResident() {
        return cancellable && !busy;
    }

    /** Whether the kiosk is working (card, center or printer) and the resident only waits. */
    public boolean busy() {
        return busy;
    }
}
