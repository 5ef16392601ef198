package dev.shomei.kiosk.cash.cctalk;

import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real coin mechanism on a ccTalk bus: a coin acceptor takes the fee, payout hoppers (one coin
 * value each) pay change and refunds. Headers of the generic ccTalk specification: 254 simple poll,
 * 184 request coin id, 231 modify inhibit status, 228 modify master inhibit, 229 read buffered credit
 * or error codes, 242 request serial number, 164 enable hopper, 167 dispense hopper coins, 166 request
 * hopper status. A thread polls the acceptor's credit buffer while a payment is open (and the bus for
 * health otherwise). A coin jam, a hopper that pays out short or a bus that stops answering turn the
 * unit to {@link DeviceStatus#FAULT}; during a payment the session is told ({@link Listener#failed()}).
 */
public final class CcTalkCoinUnit implements CashUnit, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CcTalkCoinUnit.class.getName());

    static final int SIMPLE_POLL = 254;
    static final int REQUEST_COIN_ID = 184;
    static final int MODIFY_INHIBIT_STATUS = 231;
    static final int MODIFY_MASTER_INHIBIT = 228;
    static final int READ_BUFFERED_CREDIT = 229;
    static final int REQUEST_SERIAL_NUMBER = 242;
    static final int ENABLE_HOPPER = 164;
    static final int DISPENSE_HOPPER_COINS = 167;
    static final int REQUEST_HOPPER_STATUS = 166;

    /**
     * Acceptor error codes that mean coins are stuck in the mechanism (jams and blocked sensors):
     * 12 reject coin not cleared, 14 credit sensor blocked, 15 sorter opto blocked, 26 reject sensor
     * blocked, 29/30 accept gate stuck, 32 manifold opto blocked.
     */
    static final Set<Integer> JAM_CODES = Set.of(12, 14, 15, 26, 29, 30, 32);

    /** A payout hopper at {@code address} holding coins of {@code coinYen}. */
    public record Hopper(int address, int coinYen) {
    }

    /** Where the devices sit on the bus and how often the acceptor is polled. */
    public record Config(int acceptorAddress, List<Hopper> hoppers, long pollMillis, long payoutTimeoutMillis) {
        /** Acceptor at 2, a 100-yen hopper at 3 and a 10-yen hopper at 4; polled every 100 ms. */
        public static Config defaults() {
            return new Config(2, List.of(new Hopper(3, 100), new Hopper(4, 10)), 100, 10_000);
        }

        public Config withPayoutTimeout(long millis) {
            return new Config(acceptorAddress, hoppers, pollMillis, millis);
        }
    }

    private final CcTalkBus bus;
    private final Config config;
    private final Map<Integer, Integer> coinYenByPosition = new HashMap<>();
    private final Map<Integer, byte[]> hopperSerials = new HashMap<>();
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cctalk-poll").factory());

    private int lastEventCounter;
    private Listener listener;
    private boolean open;
    private int dueYen;
    private int insertedYen;
    private int paidOutYen;
    private boolean collected;
    private boolean jammed;
    private boolean lineDown;
    private boolean hopperShort;

    private CcTalkCoinUnit(CcTalkBus bus, Config config) {
        this.bus = bus;
        this.config = config;
    }

    /**
     * Talks to the devices (they must answer), learns the coin values and hopper serial numbers,
     * inhibits the acceptor and starts polling.
     *
     * @throws IOException when a device does not answer
     */
    public static CcTalkCoinUnit start(CcTalkBus bus, Config config) throws IOException {
        CcTalkCoinUnit unit = new CcTalkCoinUnit(bus, config);
        unit.connect();
        unit.poller.scheduleWithFixedDelay(unit::poll, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
        return unit;
    }

    private void connect() throws IOException {
        int acceptor = config.acceptorAddress();
        bus.request(acceptor, SIMPLE_POLL);
        for (int position = 1; position <= 16; position++) {
            Integer yen = coinYen(new String(bus.request(acceptor, REQUEST_COIN_ID, (byte) position), StandardCharsets.US_ASCII));
            if (yen != null) {
                coinYenByPosition.put(position, yen);
            }
        }
        if (coinYenByPosition.isEmpty()) {
            throw new IOException("the coin acceptor knows no yen coins");
        }
        for (Hopper hopper : config.hoppers()) {
            hopperSerials.put(hopper.address(), bus.request(hopper.address(), REQUEST_SERIAL_NUMBER));
        }
        inhibit(true);
        bus.request(acceptor, MODIFY_MASTER_INHIBIT, (byte) 1);
        lastEventCounter = bus.request(acceptor, READ_BUFFERED_CREDIT)[0] & 0xff;
        LOG.log(Level.INFO, "ccTalk coin acceptor knows {0} coin(s) {1}; {2} hopper(s)", coinYenByPosition.size(),
                coinYenByPosition.values().stream().sorted().toList(), config.hoppers().size());
    }

    /** A coin id such as "JP100A": country JP, value 100; null for an empty position or another currency. */
    static Integer coinYen(String id) {
        if (id.length() < 6 || !id.startsWith("JP")) {
            return null;
        }
        try {
            return Integer.parseInt(id.substring(2, 5));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public synchronized void begin(int dueYen, Listener listener) {
        if (dueYen <= 0) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "the amount due must be positive");
        }
        if (status() == DeviceStatus.FAULT) {
            throw new ShomeiException(ErrorCode.PAYMENT_ERROR, "coin unit fault");
        }
        try {
            // events since the last payment (a coin that slipped in as the acceptor was being inhibited)
            // belong to nobody here: they are never counted toward this customer's fee
            int counter = bus.request(config.acceptorAddress(), READ_BUFFERED_CREDIT)[0] & 0xff;
            if (counter != lastEventCounter) {
                LOG.log(Level.WARNING, "ccTalk coin acceptor: events outside a payment (counter {0} after {1})",
                        counter, lastEventCounter);
                lastEventCounter = counter;
            }
            inhibit(false);
        } catch (IOException e) {
            lineDown = true;
            throw new ShomeiException(ErrorCode.PAYMENT_ERROR, "coin acceptor does not answer");
        }
        this.listener = listener;
        this.dueYen = dueYen;
        this.insertedYen = 0;
        this.paidOutYen = 0;
        this.collected = false;
        this.open = true;
    }

    @Override
    public synchronized int insertedYen() {
        return insertedYen;
    }

    @Override
    public synchronized int collect() {
        requireOpen();
        if (collected) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "already collected");
        }
        if (insertedYen < dueYen) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "not enough money inserted");
        }
        quietInhibit();
        int change = insertedYen - dueYen - paidOutYen;
        payOut(change);
        collected = true;
        return change;
    }

    @Override
    public synchronized int refund() {
        requireOpen();
        quietInhibit();
        int owed = insertedYen - paidOutYen;
        payOut(owed);
        int refunded = collected ? dueYen : owed;
        collected = false;
        return refunded;
    }

    @Override
    public synchronized void end() {
        open = false;
        listener = null;
        dueYen = 0;
        insertedYen = 0;
        paidOutYen = 0;
        collected = false;
        quietInhibit();
    }

    @Override
    public synchronized DeviceStatus status() {
        return jammed || lineDown || hopperShort ? DeviceStatus.FAULT : DeviceStatus.OK;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        synchronized (this) {
            quietInhibit();
        }
        bus.close();
    }

    /** Pays {@code yen} from the hoppers, largest coins first; PAYMENT_ERROR with what is still owed when short. */
    private void payOut(int yen) {
        int owed = yen;
        List<Hopper> hoppers = config.hoppers().stream().sorted(Comparator.comparingInt(Hopper::coinYen).reversed()).toList();
        for (Hopper hopper : hoppers) {
            int coins = owed / hopper.coinYen();
            if (coins == 0) {
                continue;
            }
            int paid;
            try {
                paid = dispense(hopper, coins);
            } catch (IOException e) {
                lineDown = true;
                LOG.log(Level.ERROR, "hopper {0} stopped answering during a payout: {1} yen owed", hopper.address(), owed);
                throw new ShomeiException(ErrorCode.PAYMENT_ERROR, "coin hopper does not answer");
            }
            owed -= paid * hopper.coinYen();
            paidOutYen += paid * hopper.coinYen();
        }
        if (owed > 0) {
            hopperShort = true;
            LOG.log(Level.ERROR, "coin hoppers paid out short: {0} yen owed to the customer (operator: pay by hand, refill)", owed);
            throw new ShomeiException(ErrorCode.PAYMENT_ERROR, "coin hoppers paid out short");
        }
    }

    /** @return coins the hopper paid out */
    private int dispense(Hopper hopper, int coins) throws IOException {
        bus.request(hopper.address(), ENABLE_HOPPER, (byte) 165);
        byte[] serial = hopperSerials.get(hopper.address());
        byte[] data = {serial[0], serial[1], serial[2], (byte) coins};
        bus.request(hopper.address(), DISPENSE_HOPPER_COINS, data);
        long deadline = System.nanoTime() + config.payoutTimeoutMillis() * 1_000_000L;
        while (true) {
            byte[] status = bus.request(hopper.address(), REQUEST_HOPPER_STATUS);
            int remaining = status[1] & 0xff;
            int paid = status[2] & 0xff;
            if (remaining == 0 || System.nanoTime() > deadline) {
                LOG.log(Level.INFO, "hopper {0} paid {1} of {2} coin(s) of {3} yen", hopper.address(), paid, coins,
                        hopper.coinYen());
                return Math.min(paid, coins);
            }
            sleep(config.pollMillis());
        }
    }

    /** Runs on the poll thread. */
    private void poll() {
        Listener toTell = null;
        int total = 0;
        boolean failed = false;
        synchronized (this) {
            try {
                if (!open || collected) {
                    bus.request(config.acceptorAddress(), SIMPLE_POLL);
                    lineDown = false;
                    return;
                }
                byte[] credit = bus.request(config.acceptorAddress(), READ_BUFFERED_CREDIT);
                lineDown = false;
                int before = insertedYen;
                boolean jamBefore = jammed;
                readEvents(credit);
                toTell = listener;
                total = insertedYen;
                failed = jammed && !jamBefore;
                if (!failed && total == before) {
                    return;
                }
            } catch (IOException e) {
                if (!lineDown) {
                    LOG.log(Level.ERROR, "ccTalk coin acceptor stopped answering: {0}", e.getMessage());
                }
                failed = open && !collected && !lineDown;
                lineDown = true;
                toTell = listener;
                if (!failed) {
                    return;
                }
            }
        }
        // outside the lock: the session calls back into the unit
        if (toTell != null) {
            if (failed) {
                toTell.failed();
            } else {
                toTell.inserted(total);
            }
        }
    }

    /** Credit buffer: [event counter] then five (result A, result B) pairs, newest first. */
    private void readEvents(byte[] credit) {
        int counter = credit[0] & 0xff;
        int fresh = counter - lastEventCounter;
        if (fresh < 0) {
            fresh += 255; // the counter runs 1..255 and wraps to 1
        }
        if (counter == 0 || fresh > 5) {
            LOG.log(Level.WARNING, "ccTalk coin acceptor lost events (counter {0} after {1})", counter, lastEventCounter);
            fresh = Math.min(fresh, 5);
        }
        lastEventCounter = counter;
        for (int i = fresh - 1; i >= 0; i--) {
            int resultA = credit[1 + 2 * i] & 0xff;
            int resultB = credit[2 + 2 * i] & 0xff;
            if (resultA != 0) {
                Integer yen = coinYenByPosition.get(resultA);
                if (yen == null) {
                    LOG.log(Level.WARNING, "ccTalk coin acceptor credited an unknown coin position {0}", resultA);
                } else {
                    insertedYen += yen;
                }
            } else if (JAM_CODES.contains(resultB)) {
                jammed = true;
                LOG.log(Level.ERROR, "ccTalk coin acceptor jammed (error code {0}): clear the mechanism and restart", resultB);
            } else if (resultB != 0) {
                LOG.log(Level.DEBUG, "ccTalk coin acceptor event {0} (coin returned)", resultB);
            }
        }
    }

    private void inhibit(boolean all) throws IOException {
        byte mask = all ? (byte) 0 : (byte) 0xff;
        bus.request(config.acceptorAddress(), MODIFY_INHIBIT_STATUS, mask, mask);
    }

    private void quietInhibit() {
        try {
            inhibit(true);
        } catch (IOException e) {
            lineDown = true;
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "no payment is open");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
