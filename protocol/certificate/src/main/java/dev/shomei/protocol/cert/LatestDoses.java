package dev.shomei.protocol.cert;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The service's rule for which doses a certificate states: from {@link #FROM} on, at most the
 * {@link #LIMIT} most recent doses (by dose number, each keeping its real number). With more on record
 * the certificate says that the issuer holds further records. The paper, the SMART Health Card and the
 * VDS-NC seal are all made from the same {@link CertificateContent}, so they carry the same doses.
 * Certificates issued before {@link #FROM} stated every dose.
 */
public final class LatestDoses {
    /** The most doses a certificate states from {@link #FROM} on. */
    public static final int LIMIT = 5;
    /** The first issue date the limit applies to (the service's change of 2023-06-19). */
    public static final LocalDate FROM = LocalDate.of(2023, 6, 19);

    private LatestDoses() {
    }

    /**
     * The doses a certificate issued on {@code issueDate} states.
     *
     * @param recorded every dose the municipality holds for the person, in any order
     */
    public static Selection of(List<Dose> recorded, LocalDate issueDate) {
        List<Dose> sorted = recorded.stream().sorted(Comparator.comparingInt(Dose::number)).toList();
        if (issueDate.isBefore(FROM) || sorted.size() <= LIMIT) {
            return new Selection(sorted, false);
        }
        return new Selection(sorted.subList(sorted.size() - LIMIT, sorted.size()), true);
    }

    /**
     * @param doses          the doses to state, sorted by dose number
     * @param furtherRecords whether the issuer holds earlier doses the certificate leaves out
     */
    public record Selection(List<Dose> doses, boolean furtherRecords) {
        public Selection {
            doses = List.copyOf(doses);
        }
    }
}
