package dev.shomei.center.issue;

import dev.shomei.card.data.CardDataVerifier;
import dev.shomei.card.data.TrustedCardKeys;
import dev.shomei.card.data.VerifiedCardData;
import dev.shomei.protocol.line.IssueRequest;
import java.util.Arrays;

/**
 * Card verification with the card-reader's verifier (J-LIS CA key -> CV certificate -> EF 0003
 * signature -> hashes of EF 0001/0002), trusting the keys of the configured profile.
 */
public final class VerifierCardVerification implements CardVerification {
    private final CardDataVerifier verifier;

    public VerifierCardVerification(TrustedCardKeys trustedKeys) {
        this.verifier = new CardDataVerifier(trustedKeys);
    }

    @Override
    public VerifiedCardData verify(IssueRequest request) {
        byte[] ef0001 = request.ef0001();
        byte[] ef0002 = request.ef0002();
        byte[] ef0003 = request.ef0003();
        byte[] ef0004 = request.ef0004();
        try {
            return verifier.verify(ef0001, ef0002, ef0003, ef0004);
        } finally {
            // the accessors handed out copies: wipe them as soon as the verifier is done
            Arrays.fill(ef0001, (byte) 0);
            Arrays.fill(ef0002, (byte) 0);
            Arrays.fill(ef0003, (byte) 0);
            Arrays.fill(ef0004, (byte) 0);
        }
    }
}
