package dev.shomei.center.issue;

import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import java.util.List;

/**
 * The one mapper from the certificate model to what the kiosk's confirm screen shows: the printed
 * name, birth date and one row per dose with the Japanese product labels the PDF prints. The line
 * carries only this projection (no product codes, no issuer, no QR payloads).
 */
final class ConfirmSummary {
    private ConfirmSummary() {
    }

    static CertificateSummary of(CertificateContent content) {
        List<DoseSummary> doses = content.doses().stream().map(ConfirmSummary::dose).toList();
        String latin = content.passport() == null ? "" : content.passport().romanName();
        return new CertificateSummary(content.person().fullName(), latin, content.person().birthDate(), doses);
    }

    static DoseSummary dose(Dose dose) {
        return new DoseSummary(dose.number(), dose.date(), dose.product().nameJa(), dose.product().manufacturerJa(),
                dose.lotNumber());
    }
}
