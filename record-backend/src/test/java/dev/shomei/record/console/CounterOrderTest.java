package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.CertificateType;
import dev.shomei.record.domain.Channel;
import org.junit.jupiter.api.Test;

/** The window issuance form's choices (issue 21): only WINDOW or POSTAL, 1..10 copies, a known identity check. */
class CounterOrderTest {
    @Test
    void aCompleteOrderIsParsed() {
        CounterIssuance.Order order = CounterIssuance.order("OVERSEAS", "POSTAL", "3", "ID_COPY_BY_POST");
        assertEquals(new CounterIssuance.Order(CertificateType.OVERSEAS, Channel.POSTAL, 3, IdentityCheck.ID_COPY_BY_POST),
                order);
    }

    @Test
    void eachBadChoiceNamesItself() {
        assertRefused("counter.bad.type", "", "WINDOW", "1", "PASSPORT");
        assertRefused("counter.bad.channel", "DOMESTIC", "KIOSK", "1", "PASSPORT");
        assertRefused("counter.bad.channel", "DOMESTIC", "APP", "1", "PASSPORT");
        assertRefused("counter.bad.copies", "DOMESTIC", "WINDOW", "0", "PASSPORT");
        assertRefused("counter.bad.copies", "DOMESTIC", "WINDOW", "11", "PASSPORT");
        assertRefused("counter.bad.copies", "DOMESTIC", "WINDOW", "two", "PASSPORT");
        assertRefused("counter.bad.identity", "DOMESTIC", "WINDOW", "1", "");
        assertRefused("counter.bad.identity", "DOMESTIC", "WINDOW", "1", "FACE");
    }

    @Test
    void onlyTheCounterChannelsAreCounterIssuances() {
        assertEquals(true, CounterIssuance.isCounter(Channel.WINDOW) && CounterIssuance.isCounter(Channel.POSTAL));
        assertEquals(false, CounterIssuance.isCounter(Channel.KIOSK) || CounterIssuance.isCounter(Channel.APP));
    }

    private static void assertRefused(String key, String type, String channel, String copies, String identity) {
        BadInput refused = assertThrows(BadInput.class, () -> CounterIssuance.order(type, channel, copies, identity));
        assertEquals(key, refused.messageKey());
    }
}
