package dev.shomei.kiosk.cli;

import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.device.CardSlot;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.Service;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One kiosk transaction without the browser: plays the resident on the very same session state
 * machine — chooses, lets the card be read, types the PIN, takes the card out, chooses the
 * municipality and copies, confirms, inserts coins, takes the certificate. Stops at the first
 * refusal, at a wrong PIN (a headless run does not guess again), and at a start screen that says
 * the terminal is out of service (TERMINAL_DISABLED).
 */
public final class HeadlessIssue {
    private static final int[] COINS = {1000, 500, 100, 50, 10};

    /** What to ask for. The PIN array is wiped once typed. */
    public record Order(Language language, CertificateType type, String municipalityCode, int copies, char[] pin) {
        public Order {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(municipalityCode, "municipalityCode");
            Objects.requireNonNull(pin, "pin");
        }

        @Override
        public String toString() {
            return "Order[" + language + ", " + type + ", " + municipalityCode + ", copies=" + copies + "]";
        }
    }

    /**
     * How it ended.
     *
     * @param error      null when printed
     * @param triesLeft  PIN tries left after a wrong PIN, else -1
     */
    public record Result(boolean printed, ErrorCode error, int triesLeft, String transactionId,
                         List<String> certificateIds, int feeYen) {
        static Result printed(String transactionId, List<String> certificateIds, int feeYen) {
            return new Result(true, null, -1, transactionId, certificateIds, feeYen);
        }

        static Result failed(ErrorCode error, int triesLeft) {
            return new Result(false, error, triesLeft, null, List.of(), 0);
        }
    }

    private final KioskSession session;
    private final CardSlot cardSlot;
    private final SimulatedCoinUnit coins;
    private final LinkedBlockingQueue<Screen> screens = new LinkedBlockingQueue<>();
    private int feeYen;

    public HeadlessIssue(KioskSession session, CardSlot cardSlot, SimulatedCoinUnit coins) {
        this.session = session;
        this.cardSlot = cardSlot;
        this.coins = coins;
    }

    /** Runs one transaction; the session is back at IDLE afterwards. */
    public Result run(Order order, Duration timeout) {
        try {
            if (!validPin(order.pin())) {
                return Result.failed(ErrorCode.INVALID_REQUEST, -1);
            }
            if (order.copies() < 1) {
                return Result.failed(ErrorCode.INVALID_REQUEST, -1);
            }
            java.util.function.Consumer<Screen> listener = screens::add;
            session.addListener(listener);
            try {
                return drive(order, System.nanoTime() + timeout.toNanos());
            } finally {
                session.removeListener(listener);
            }
        } finally {
            Arrays.fill(order.pin(), '\0');
        }
    }

    private Result drive(Order order, long deadline) {
        long lastVersion = -1;
        boolean started = false;
        while (true) {
            Screen screen;
            try {
                screen = screens.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandon(ErrorCode.INTERNAL);
            }
            if (screen == null) {
                return abandon(ErrorCode.INTERNAL);
            }
            if (screen.version() <= lastVersion) {
                continue;
            }
            lastVersion = screen.version();
            try {
                Result result = act(screen, order, started);
                if (result != null) {
                    return result;
                }
            } catch (ShomeiException e) {
                // a stale action (the screen moved on meanwhile): the next screen tells what to do
                if (e.code() != ErrorCode.INVALID_REQUEST) {
                    return abandon(e.code());
                }
            }
            started = started || screen.state() != SessionState.IDLE;
        }
    }

    /**
     * Does what the resident would do on this screen; a result ends the run. A switch expression
     * without a default: a new screen that is not handled here does not compile.
     */
    private Result act(Screen screen, Order order, boolean started) {
        return switch (screen.state()) {
            case IDLE -> {
                if (started) {
                    yield null;
                }
                if (screen.outOfService()) {
                    yield Result.failed(ErrorCode.TERMINAL_DISABLED, -1);
                }
                session.start();
                yield null;
            }
            case SERVICE -> then(() -> session.chooseService(Service.VACCINATION_CERTIFICATE));
            case LANGUAGE -> then(() -> session.chooseLanguage(order.language()));
            case CERTIFICATE_TYPE -> then(() -> session.chooseCertificateType(order.type()));
            case PLACE_CARD -> then(cardSlot::insertCard);
            case PIN -> {
                if (screen.notice() == ErrorCode.PIN_INCORRECT) {
                    session.cancel();
                    yield Result.failed(ErrorCode.PIN_INCORRECT, screen.triesLeft());
                }
                if (screen.pinLength() == 0) {
                    for (char digit : order.pin()) {
                        session.pinDigit(digit - '0');
                    }
                    session.submitPin();
                }
                yield null;
            }
            case REMOVE_CARD -> then(cardSlot::removeCard);
            case MUNICIPALITY -> {
                if (screen.municipalities() != null) {
                    session.chooseMunicipality(order.municipalityCode());
                }
                yield null;
            }
            case COPIES -> then(() -> session.chooseCopies(order.copies()));
            case CONFIRM -> {
                feeYen = screen.feeYen();
                session.confirm();
                yield null;
            }
            case PAYMENT -> then(() -> insertCoins(screen.feeYen() - screen.insertedYen()));
            case TAKE_CERTIFICATE -> {
                Result printed = Result.printed(screen.transactionId(), screen.certificateIds(), feeYen);
                session.done();
                yield printed;
            }
            case REFUSED -> {
                session.acknowledge();
                yield Result.failed(screen.error(), -1);
            }
            // the kiosk is working: the next screen says what to do
            case CHECKING_CARD, READING, REQUESTING, PRINTING -> null;
        };
    }

    /** Runs a step that does not end the run. */
    private static Result then(Runnable step) {
        step.run();
        return null;
    }

    private void insertCoins(int due) {
        int left = due;
        for (int coin : COINS) {
            while (left >= coin) {
                coins.insert(coin);
                left -= coin;
            }
        }
        if (left > 0) {
            coins.insert(COINS[COINS.length - 1]);
        }
    }

    private Result abandon(ErrorCode code) {
        try {
            session.cancel();
        } catch (ShomeiException e) {
            // not cancellable any more (printing or done): the session ends by itself
        }
        return Result.failed(code, -1);
    }

    private static boolean validPin(char[] pin) {
        if (pin.length != 4) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
