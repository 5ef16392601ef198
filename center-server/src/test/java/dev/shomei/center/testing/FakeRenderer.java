package dev.shomei.center.testing;

import dev.shomei.center.issue.PrintoutRenderer;
import dev.shomei.center.issue.RenderedCertificate;
import dev.shomei.protocol.cert.SignedCertificate;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A renderer that writes the certificate id into a stand-in PDF, or fails on demand. */
public final class FakeRenderer implements PrintoutRenderer {
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicBoolean broken = new AtomicBoolean();

    @Override
    public RenderedCertificate render(SignedCertificate certificate, int copies) {
        calls.incrementAndGet();
        if (broken.get()) {
            throw new IllegalStateException("renderer broken");
        }
        byte[] pdf = ("%PDF-1.7 fake " + certificate.content().certificateId() + " x" + copies)
                .getBytes(StandardCharsets.US_ASCII);
        return new RenderedCertificate(pdf, copies);
    }
}
