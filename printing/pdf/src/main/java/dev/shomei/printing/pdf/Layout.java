package dev.shomei.printing.pdf;

import dev.shomei.protocol.cert.Dose;
import java.io.IOException;
import java.util.List;

/** One certificate layout: what page 1 shows and how doses continue on further pages. */
interface Layout {
    /** Dose rows that fit on page 1 (below the person, above the QR codes). */
    int firstPageRows();

    /** Dose rows that fit on a continuation page. */
    int nextPageRows();

    void firstPage(PageCanvas canvas, CertificateDocument document, List<Dose> doses) throws IOException;

    void nextPage(PageCanvas canvas, CertificateDocument document, List<Dose> doses) throws IOException;

    /** The top-right lines every page carries: certificate id and issue date. */
    void pageHeader(PageCanvas canvas, CertificateDocument document) throws IOException;
}
