package dev.shomei.kiosk.cash.cctalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ccTalk driver against a coin mechanism emulator on the other end of a socat pseudo-terminal
 * pair: the real serial code (jSerialComm), the real framing, a device that jams, pays out short or vanishes.
 */
class CcTalkCoinUnitIT {
    private SocatPtyPair pty;
    private CcTalkEmulator device;
    private CcTalkCoinUnit unit;
    private final List<Integer> inserted = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final CashUnit.Listener listener = new CashUnit.Listener() {
        @Override
        public void inserted(int insertedYen) {
            inserted.add(insertedYen);
        }

        @Override
        public void failed() {
            failures.add("failed");
        }
    };

    @BeforeEach
    void connect() throws IOException {
        pty = SocatPtyPair.start();
        device = CcTalkEmulator.open(pty.deviceEnd());
        unit = CcTalkCoinUnit.start(new CcTalkBus(JSerialCommLine.open(pty.hostEnd()), 500),
                CcTalkCoinUnit.Config.defaults().withPayoutTimeout(2000));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        if (unit != null) {
            unit.close();
        }
        device.close();
        pty.close();
    }

    @Test
    void coinsAreCreditedAndTheChangeComesFromTheHoppers() {
        assertFalse(device.accepting(), "the acceptor is inhibited while no payment is open");
        assertFalse(device.insert(100), "a coin outside a payment is returned");
        unit.begin(200, listener);
        assertTrue(device.insert(100));
        await(() -> unit.insertedYen() == 100);
        assertTrue(device.insert(500));
        await(() -> unit.insertedYen() == 600);
        assertEquals(List.of(100, 600), inserted);
        assertEquals(400, unit.collect());
        assertEquals(List.of(new CcTalkEmulator.Payout(100, 4)), device.payouts());
        unit.end();
        await(() -> !device.accepting());
        assertEquals(DeviceStatus.OK, unit.status());
    }

    @Test
    void changeOfTensAndHundreds() {
        unit.begin(200, listener);
        device.insert(500);
        device.insert(10);
        device.insert(50);
        await(() -> unit.insertedYen() == 560);
        assertEquals(360, unit.collect());
        assertEquals(List.of(new CcTalkEmulator.Payout(100, 3), new CcTalkEmulator.Payout(10, 6)), device.payouts());
    }

    @Test
    void aCoinJamEndsThePaymentAndTheInsertedCoinsArePaidBack() {
        unit.begin(200, listener);
        device.insert(100);
        await(() -> unit.insertedYen() == 100);
        device.error(14); // credit sensor blocked
        await(() -> !failures.isEmpty());
        assertEquals(DeviceStatus.FAULT, unit.status());
        assertEquals(100, unit.refund());
        assertEquals(List.of(new CcTalkEmulator.Payout(100, 1)), device.payouts());
        unit.end();
        ShomeiException next = assertThrows(ShomeiException.class, () -> unit.begin(200, listener));
        assertEquals(ErrorCode.PAYMENT_ERROR, next.code(), "a jammed unit takes no payment until cleared");
    }

    @Test
    void aCoinCreditedBetweenPaymentsIsNotCountedForTheNextCustomer() throws InterruptedException {
        unit.begin(100, listener);
        device.insert(100);
        await(() -> unit.insertedYen() == 100);
        unit.collect();
        unit.end();
        device.slipIn(500);
        unit.begin(200, listener);
        Thread.sleep(400); // a few polls
        assertEquals(0, unit.insertedYen());
        device.insert(100);
        await(() -> unit.insertedYen() == 100);
    }

    @Test
    void aRejectedCoinIsNoFault() {
        unit.begin(200, listener);
        device.error(1); // reject coin: returned to the customer
        device.insert(100);
        await(() -> unit.insertedYen() == 100);
        assertEquals(List.of(), failures);
        assertEquals(DeviceStatus.OK, unit.status());
    }

    @Test
    void aHopperThatPaysOutShortIsAPaymentErrorAndAFault() {
        device.setHopperStock(3, 1);
        device.setHopperStock(4, 5);
        unit.begin(200, listener);
        device.insert(500);
        await(() -> unit.insertedYen() == 500);
        ShomeiException short1 = assertThrows(ShomeiException.class, unit::collect);
        assertEquals(ErrorCode.PAYMENT_ERROR, short1.code());
        assertEquals(List.of(new CcTalkEmulator.Payout(100, 1), new CcTalkEmulator.Payout(10, 5)), device.payouts(),
                "150 of the 300 yen change paid");
        assertEquals(DeviceStatus.FAULT, unit.status(), "the operator sees the unit fault in the heartbeat");
        ShomeiException refund = assertThrows(ShomeiException.class, unit::refund);
        assertEquals(ErrorCode.PAYMENT_ERROR, refund.code(), "the empty hoppers cannot pay back either");
        unit.end();
    }

    @Test
    void aDeviceThatVanishesMidPaymentFailsThePayment() throws InterruptedException {
        unit.begin(200, listener);
        device.insert(100);
        await(() -> unit.insertedYen() == 100);
        device.vanish();
        await(() -> !failures.isEmpty());
        assertEquals(DeviceStatus.FAULT, unit.status());
        ShomeiException refund = assertThrows(ShomeiException.class, unit::refund);
        assertEquals(ErrorCode.PAYMENT_ERROR, refund.code());
        unit.end();
    }

    @Test
    void noDeviceOnTheLineRefusesToStart() throws Exception {
        try (SocatPtyPair empty = SocatPtyPair.start()) {
            assertThrows(IOException.class, () -> CcTalkCoinUnit.start(
                    new CcTalkBus(JSerialCommLine.open(empty.hostEnd()), 300), CcTalkCoinUnit.Config.defaults()));
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
