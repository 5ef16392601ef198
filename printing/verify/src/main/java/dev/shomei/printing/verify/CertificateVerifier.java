package dev.shomei.printing.verify;

import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.shc.HealthCard;
import dev.shomei.protocol.shc.ShcQrText;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcSeal;
import dev.shomei.protocol.vds.VdsNcVaccination;
import dev.shomei.protocol.vds.VdsNcVerifier;
import java.util.ArrayList;
import java.util.List;

/** Verifies each scanned QR code with the verifier its content calls for. */
public final class CertificateVerifier {
    private final SmartHealthCardVerifier smartHealthCards;
    private final VdsNcVerifier vdsNc;
    private final VaccineCatalog catalog;
    private final RevocationLists revocation;

    public CertificateVerifier(SmartHealthCardVerifier smartHealthCards, VdsNcVerifier vdsNc) {
        this(smartHealthCards, vdsNc, null);
    }

    /** @param revocation where the revocation lists are read; {@code null}: revocation is not checked */
    public CertificateVerifier(SmartHealthCardVerifier smartHealthCards, VdsNcVerifier vdsNc, RevocationLists revocation) {
        this.smartHealthCards = smartHealthCards;
        this.vdsNc = vdsNc;
        this.catalog = VaccineCatalog.standard();
        this.revocation = revocation;
    }

    public Verdict verify(ScannedQr qr) {
        String text = qr.text();
        if (text.startsWith(ShcQrText.PREFIX)) {
            try {
                HealthCard card = smartHealthCards.verify(ShcQrText.decode(text));
                return new Verdict(qr.page(), Verdict.Kind.SMART_HEALTH_CARD, true,
                        "signature verified with issuer key " + card.kid(), describe(card),
                        revocation == null ? Revocation.notChecked("no --trust endpoint or revocation list given")
                                : revocation.check(card));
            } catch (CertificateVerificationException e) {
                return new Verdict(qr.page(), Verdict.Kind.SMART_HEALTH_CARD, false, e.reason(), List.of());
            }
        }
        if (text.startsWith("{")) {
            try {
                VdsNcSeal seal = vdsNc.verify(text);
                return new Verdict(qr.page(), Verdict.Kind.VDS_NC, true, "signature verified, signer "
                        + seal.signer().getSubjectX500Principal().getName() + " chains to a trusted CSCA", describe(seal),
                        revocation == null ? Revocation.notChecked("no --trust endpoint or revocation list given")
                                : revocation.check(seal));
            } catch (CertificateVerificationException e) {
                return new Verdict(qr.page(), Verdict.Kind.VDS_NC, false, e.reason(), List.of());
            }
        }
        return new Verdict(qr.page(), Verdict.Kind.UNKNOWN, false, "neither a SMART Health Card nor a VDS-NC seal",
                List.of());
    }

    private List<String> describe(HealthCard card) {
        List<String> lines = new ArrayList<>();
        lines.add("issuer: " + card.issuer());
        for (HealthCard.Name name : card.names()) {
            lines.add("name: " + name.text());
        }
        lines.add("date of birth: " + card.birthDate());
        int number = 1;
        for (HealthCard.Immunization immunization : card.immunizations()) {
            String product = catalog.byCvx(immunization.cvx())
                    .map(p -> p.nameJa() + " / " + p.nameEn()).orElse("unlisted product");
            lines.add("dose " + number++ + ": " + immunization.date() + ", CVX " + immunization.cvx() + " (" + product
                    + "), lot " + immunization.lotNumber() + ", " + immunization.performer());
        }
        return lines;
    }

    private static List<String> describe(VdsNcSeal seal) {
        VdsNcVaccination message = seal.message();
        List<String> lines = new ArrayList<>();
        lines.add("issuing country: " + seal.issuingCountry() + ", certificate id (uvci): " + message.uvci());
        lines.add("name: " + message.name());
        lines.add("date of birth: " + message.birthDate());
        lines.add("passport number: " + message.passportNumber());
        for (VdsNcVaccination.Event event : message.events()) {
            for (VdsNcVaccination.Detail detail : event.details()) {
                lines.add("dose " + detail.seq() + ": " + detail.date() + ", " + event.nam() + " (" + event.des() + ", "
                        + event.dis() + "), lot " + detail.lot() + ", " + detail.country() + ", " + detail.adm());
            }
        }
        return lines;
    }
}
