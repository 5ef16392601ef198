package dev.shomei.center.issue;

import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import java.util.List;

/**
 * The one mapper from the certificate model to what the kiosk's confirm screen shows: the printed
 * name, birth date, one row per dose with the Japanese product labels the PDF prints, and on an
 * overseas certificate the Roman name, nationality and passport number it prints. The line
 * carries only this projection (no product codes, no issuer, no QR payloads).
 */
final class ConfirmSummary {
    private ConfirmSummary() {
    }

    static CertificateSummary of(CertificateContent content) {
        List<DoseSummary> doses = content.doses().stream().map(ConfirmSummary::dose).toList();
        if (content.passport() == null) {
            return new CertificateSummary(content.person().fullName(), "", content.person().birthDate(), doses);
        }
        // overseas: the passport data on file, so a resident with a renewed passport stops before paying
        return new CertificateSummary(content.person().fullName(), content.passport().romanName(),
                content.person().birthDate(), doses, content.passport().nationality(), content.passport().number());
    }

    static DoseSummary dose(Dose dose) {
        return new DoseSummary(dose.number(), dose.date(), dose.product().nameJa(), dose.product().manufacturerJa(),
                dose.lotNumber());
    }
}
