package dev.shomei.center.issue;

import dev.shomei.card.data.VerifiedCardData;
import dev.shomei.protocol.line.IssueRequest;

/** Checks the card files of an issue request before anything else looks at them. */
public interface CardVerification {
    /**
     * @return the verified My Number and basic 4 info; the caller wipes it when done
     * @throws dev.shomei.protocol.ShomeiException CARD_DATA_INVALID for a tampered, malformed or untrusted card
     */
    VerifiedCardData verify(IssueRequest request);
}
