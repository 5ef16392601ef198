package dev.shomei.printing.pdf;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The fonts of one document: one {@link EmbeddedFontSubset} per font of the {@link CertificateFont}
 * chain, made when the document first shows a character of that font (a certificate whose names
 * the body font covers embeds no name font). Body font /F1, name font /F2.
 */
final class DocumentFonts {
    private final CertificateFont chain;
    private final EmbeddedFontSubset[] subsets;

    DocumentFonts(CertificateFont chain) {
        this.chain = chain;
        this.subsets = new EmbeddedFontSubset[chain.faceCount()];
    }

    /** The subset of font {@code face}, made available to the page of {@code resources}. */
    EmbeddedFontSubset subset(int face, PDResources resources) {
        if (subsets[face] == null) {
            subsets[face] = new EmbeddedFontSubset(chain.face(face), COSName.getPDFName("F" + (face + 1)));
        }
        subsets[face].addTo(resources);
        return subsets[face];
    }

    /** Writes every used subset; call once, after the last text. */
    void finish(PDDocument document) throws IOException {
        for (EmbeddedFontSubset subset : subsets) {
            if (subset != null) {
                subset.finish(document);
            }
        }
    }
}
