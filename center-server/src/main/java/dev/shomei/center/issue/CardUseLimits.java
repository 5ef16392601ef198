package dev.shomei.center.issue;

import java.time.Duration;

/**
 * How often one card may be used (issue 17 part 7): at most {@code perWindow} issuances per card in
 * {@code window}; a card used at two or more terminals within {@code acrossTerminals} raises an
 * operator alert. Card data is a bearer token (the signed EF files do not prove the card is present
 * now), so these limits bound what captured card data can be used for.
 */
public record CardUseLimits(int perWindow, Duration window, Duration acrossTerminals) {

    public CardUseLimits {
        if (perWindow < 1) {
            throw new IllegalArgumentException("card-use.issuances must be at least 1");
        }
        if (window.isNegative() || window.isZero() || acrossTerminals.isNegative() || acrossTerminals.isZero()) {
            throw new IllegalArgumentException("card-use durations must be positive");
        }
    }
}
