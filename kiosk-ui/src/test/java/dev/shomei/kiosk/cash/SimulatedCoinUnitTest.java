package dev.shomei.kiosk.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedCoinUnitTest {
    private final SimulatedCoinUnit unit = new SimulatedCoinUnit();
    private final List<Integer> told = new ArrayList<>();

    @Test
    void coinsAreCountedAndReported() {
        unit.begin(240, told::add);
        assertEquals(SimulatedCoinUnit.Insert.ACCEPTED, unit.insert(100));
        assertEquals(SimulatedCoinUnit.Insert.ACCEPTED, unit.insert(50));
        assertEquals(150, unit.insertedYen());
        assertEquals(List.of(100, 150), told);
    }

    @Test
    void unknownCoinsAreReturned() {
        unit.begin(240, told::add);
        assertEquals(SimulatedCoinUnit.Insert.RETURNED, unit.insert(1));
        assertEquals(SimulatedCoinUnit.Insert.RETURNED, unit.insert(5));
        assertEquals(SimulatedCoinUnit.Insert.RETURNED, unit.insert(2000));
        assertEquals(0, unit.insertedYen());
        assertTrue(told.isEmpty());
    }

    @Test
    void coinsWithoutAnOpenPaymentAreReturned() {
        assertEquals(SimulatedCoinUnit.Insert.RETURNED, unit.insert(100));
        unit.begin(100, told::add);
        unit.insert(100);
        unit.collect();
        assertEquals(SimulatedCoinUnit.Insert.RETURNED, unit.insert(100), "nothing more once paid");
        unit.end();
        assertEquals(SimulatedCoinUnit.Insert.RETURNED, unit.insert(100));
    }

    @Test
    void collectKeepsTheFeeAndPaysTheChange() {
        unit.begin(240, told::add);
        unit.insert(500);
        assertEquals(260, unit.collect());
        assertEquals(List.of(260), unit.payouts());
        assertEquals(240, unit.keptYen());
    }

    @Test
    void collectNeedsTheWholeFee() {
        unit.begin(240, told::add);
        unit.insert(100);
        ShomeiException e = assertThrows(ShomeiException.class, unit::collect);
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals(0, unit.keptYen());
    }

    @Test
    void refundBeforeCollectGivesBackTheCoins() {
        unit.begin(240, told::add);
        unit.insert(100);
        unit.insert(10);
        assertEquals(110, unit.refund());
        assertEquals(List.of(110), unit.payouts());
        assertEquals(0, unit.insertedYen());
    }

    @Test
    void refundAfterCollectGivesBackTheFee() {
        unit.begin(240, told::add);
        unit.insert(1000);
        unit.collect();
        assertEquals(240, unit.refund());
        assertEquals(List.of(760, 240), unit.payouts());
        assertEquals(0, unit.keptYen());
    }

    @Test
    void endClosesTheSlot() {
        unit.begin(240, told::add);
        assertTrue(unit.isOpen());
        unit.end();
        assertFalse(unit.isOpen());
        assertThrows(ShomeiException.class, unit::refund);
    }

    @Test
    void aFailingUnitTakesNoPaymentAndReportsAFault() {
        unit.setFailing(true);
        assertEquals(DeviceStatus.FAULT, unit.status());
        ShomeiException e = assertThrows(ShomeiException.class, () -> unit.begin(240, told::add));
        assertEquals(ErrorCode.PAYMENT_ERROR, e.code());
    }

    @Test
    void aFailingPayoutIsAPaymentError() {
        unit.begin(240, told::add);
        unit.insert(500);
        unit.setFailing(true);
        assertEquals(ErrorCode.PAYMENT_ERROR, assertThrows(ShomeiException.class, unit::collect).code());
        assertEquals(ErrorCode.PAYMENT_ERROR, assertThrows(ShomeiException.class, unit::refund).code());
    }

    @Test
    void theAmountDueMustBePositive() {
        assertThrows(ShomeiException.class, () -> unit.begin(0, told::add));
    }
}
