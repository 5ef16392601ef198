package dev.shomei.kiosk.cash.cctalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A coin mechanism on the device end of a serial line, speaking ccTalk (generic specification) as a
 * real one would: a coin acceptor at address 2 (coins JP010A, JP050A, JP100A, JP500A at positions
 * 1..4, a credit buffer of five events) and payout hoppers at 3 (100 yen) and 4 (10 yen). The test
 * drops coins into it, jams it, empties a hopper or pulls the plug.
 */
public final class CcTalkEmulator implements AutoCloseable {
    private static final String[] COIN_IDS = {"JP010A", "JP050A", "JP100A", "JP500A"};
    private static final int[] COIN_YEN = {10, 50, 100, 500};

    /** One payout: coins of {@code coinYen} paid by a hopper. */
    public record Payout(int coinYen, int coins) {
    }

    private final SerialLine line;
    private final Thread thread;
    private final Deque<int[]> events = new ArrayDeque<>(); // newest first, (result A, result B)
    private final Map<Integer, Integer> hopperStock = new HashMap<>(Map.of(3, 50, 4, 50));
    private final Map<Integer, Integer> hopperCoinYen = Map.of(3, 100, 4, 10);
    private final Map<Integer, int[]> lastPayout = new HashMap<>(); // paid, unpaid
    private final List<Payout> payouts = new ArrayList<>();
    private int eventCounter;
    private boolean accepting;
    private volatile boolean running = true;

    private CcTalkEmulator(SerialLine line) {
        this.line = line;
        this.thread = new Thread(this::serve, "cctalk-emulator");
        thread.setDaemon(true);
    }

    public static CcTalkEmulator open(String deviceEnd) throws IOException {
        CcTalkEmulator emulator = new CcTalkEmulator(JSerialCommLine.open(deviceEnd));
        emulator.thread.start();
        return emulator;
    }

    /** A coin dropped into the slot: credited when the host enabled the acceptor, else returned. */
    public synchronized boolean insert(int yen) {
        if (!accepting) {
            return false;
        }
        for (int i = 0; i < COIN_YEN.length; i++) {
            if (COIN_YEN[i] == yen) {
                event(i + 1, 1);
                return true;
            }
        }
        return false;
    }

    /** A coin credited although the host had inhibited the acceptor (it slipped in as the gate closed). */
    public synchronized void slipIn(int yen) {
        for (int i = 0; i < COIN_YEN.length; i++) {
            if (COIN_YEN[i] == yen) {
                event(i + 1, 1);
            }
        }
    }

    /** An error event, e.g. 14 (credit sensor blocked: a coin jam). */
    public synchronized void error(int code) {
        event(0, code);
    }

    public synchronized void setHopperStock(int address, int coins) {
        hopperStock.put(address, coins);
    }

    public synchronized List<Payout> payouts() {
        return List.copyOf(payouts);
    }

    public synchronized boolean accepting() {
        return accepting;
    }

    /** The device vanishes: it stops answering and closes its end of the line. */
    public void vanish() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }

    @Override
    public void close() {
        if (running) {
            vanish();
        }
    }

    private void event(int resultA, int resultB) {
        eventCounter = eventCounter == 255 ? 1 : eventCounter + 1;
        events.addFirst(new int[] {resultA, resultB});
        while (events.size() > 5) {
            events.removeLast();
        }
    }

    private void serve() {
        byte[] buffer = new byte[512];
        int length = 0;
        while (running) {
            try {
                int n = line.read(buffer, length, 100);
                length += n;
                CcTalkFrame frame;
                while ((frame = CcTalkFrame.decode(buffer, length)) != null) {
                    System.arraycopy(buffer, frame.size(), buffer, 0, length - frame.size());
                    length -= frame.size();
                    byte[] reply = answer(frame);
                    if (reply != null && running) {
                        line.write(new CcTalkFrame(CcTalkFrame.HOST, frame.destination(), CcTalkFrame.ACK, reply).encode());
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                length = 0;
            }
        }
    }

    private synchronized byte[] answer(CcTalkFrame request) {
        int address = request.destination();
        if (address == 2) {
            return acceptor(request);
        }
        if (hopperCoinYen.containsKey(address)) {
            return hopper(address, request);
        }
        return null; // nobody at that address
    }

    private byte[] acceptor(CcTalkFrame request) {
        switch (request.header()) {
            case CcTalkCoinUnit.SIMPLE_POLL, CcTalkCoinUnit.MODIFY_MASTER_INHIBIT -> {
                return new byte[0];
            }
            case CcTalkCoinUnit.REQUEST_COIN_ID -> {
                int position = request.at(0);
                String id = position >= 1 && position <= COIN_IDS.length ? COIN_IDS[position - 1] : "......";
                return id.getBytes(StandardCharsets.US_ASCII);
            }
            case CcTalkCoinUnit.MODIFY_INHIBIT_STATUS -> {
                accepting = request.at(0) != 0 || request.at(1) != 0;
                return new byte[0];
            }
            case CcTalkCoinUnit.READ_BUFFERED_CREDIT -> {
                byte[] reply = new byte[11];
                reply[0] = (byte) eventCounter;
                int i = 0;
                for (int[] event : events) {
                    reply[1 + 2 * i] = (byte) event[0];
                    reply[2 + 2 * i] = (byte) event[1];
                    i++;
                }
                return reply;
            }
            default -> {
                return null;
            }
        }
    }

    private byte[] hopper(int address, CcTalkFrame request) {
        switch (request.header()) {
            case CcTalkCoinUnit.REQUEST_SERIAL_NUMBER -> {
                return new byte[] {(byte) address, 0x22, 0x33};
            }
            case CcTalkCoinUnit.ENABLE_HOPPER -> {
                return new byte[0];
            }
            case CcTalkCoinUnit.DISPENSE_HOPPER_COINS -> {
                if (request.data().length != 4 || request.at(0) != address || request.at(1) != 0x22 || request.at(2) != 0x33) {
                    return null; // wrong serial number: a real hopper stays silent
                }
                int wanted = request.at(3);
                int paid = Math.min(wanted, hopperStock.get(address));
                hopperStock.put(address, hopperStock.get(address) - paid);
                lastPayout.put(address, new int[] {paid, wanted - paid});
                if (paid > 0) {
                    payouts.add(new Payout(hopperCoinYen.get(address), paid));
                }
                return new byte[0];
            }
            case CcTalkCoinUnit.REQUEST_HOPPER_STATUS -> {
                int[] last = lastPayout.getOrDefault(address, new int[] {0, 0});
                return new byte[] {1, 0, (byte) last[0], (byte) last[1]};
            }
            default -> {
                return null;
            }
        }
    }
}
