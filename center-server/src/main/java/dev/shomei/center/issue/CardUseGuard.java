package dev.shomei.center.issue;

import dev.shomei.card.data.MyNumber;
import dev.shomei.center.board.AlertKind;
import dev.shomei.center.board.AlertLog;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-card issuance limits at the center, keyed by an HMAC of the My Number under a key made at
 * start and held only in memory: the number itself is never kept, and the key (so the pseudonyms)
 * changes with every restart. Counts live as long as the window; with several centers each one
 * limits on its own (docs/threat-model.md).
 *
 * <p>A request is counted once per transaction id (the kiosk's retries after a lost line reuse it).
 * Over the limit it is refused with {@link ErrorCode#CARD_USE_LIMITED}; a card seen at another
 * terminal within {@link CardUseLimits#acrossTerminals()} raises {@link AlertKind#CARD_MULTI_TERMINAL}
 * with the first 8 hex digits of the keyed hash, so an operator can tell alerts about one card apart.
 */
public final class CardUseGuard {
    private static final System.Logger LOG = System.getLogger(CardUseGuard.class.getName());
    /** Memory bound: past this many cards the oldest entries are dropped first (LRU order of the map). */
    private static final int MAX_CARDS = 1_000_000;

    private record Use(Instant at, String terminalId, String transactionId) {
    }

    private final CardUseLimits limits;
    private final Clock clock;
    private final AlertLog alerts;
    private final SecretKeySpec key;
    private final Map<String, Deque<Use>> uses = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Use>> eldest) {
            return size() > MAX_CARDS;
        }
    };

    public CardUseGuard(CardUseLimits limits, Clock clock, AlertLog alerts, SecureRandom random) {
        this.limits = limits;
        this.clock = clock;
        this.alerts = alerts;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * Counts this request for the card; throws CARD_USE_LIMITED when the card has reached its limit
     * in the window (the refused request is not counted).
     */
    public void admit(MyNumber card, String terminalId, String transactionId) {
        String cardKey = keyedHash(card);
        String pseudonym = cardKey.substring(0, 8);
        Instant now = clock.instant();
        Set<String> otherTerminals = new LinkedHashSet<>();
        synchronized (uses) {
            Deque<Use> recent = uses.computeIfAbsent(cardKey, p -> new ArrayDeque<>());
            recent.removeIf(use -> use.at().isBefore(now.minus(limits.window())));
            if (recent.stream().anyMatch(use -> use.transactionId().equals(transactionId))) {
                return; // a retry of a request already counted
            }
            if (recent.size() >= limits.perWindow()) {
                LOG.log(System.Logger.Level.WARNING, "card {0}: {1} issuances within {2}; tx={3} refused",
                        pseudonym, recent.size(), limits.window(), transactionId);
                throw new ShomeiException(ErrorCode.CARD_USE_LIMITED, "card use limit reached");
            }
            Instant since = now.minus(limits.acrossTerminals());
            for (Use use : recent) {
                if (!use.at().isBefore(since) && !use.terminalId().equals(terminalId)) {
                    otherTerminals.add(use.terminalId());
                }
            }
            recent.addLast(new Use(now, terminalId, transactionId));
        }
        if (!otherTerminals.isEmpty()) {
            alerts.raise(AlertKind.CARD_MULTI_TERMINAL, terminalId,
                    "card " + pseudonym + " also at " + String.join(", ", otherTerminals));
        }
    }

    /** HMAC-SHA-256 of the number under this run's key, 128 bits in hex (no collisions in practice). */
    private String keyedHash(MyNumber card) {
        byte[] digits = card.toAscii();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(digits), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        } finally {
            java.util.Arrays.fill(digits, (byte) 0);
        }
    }
}
