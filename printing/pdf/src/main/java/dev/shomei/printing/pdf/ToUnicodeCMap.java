package dev.shomei.printing.pdf;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A ToUnicode CMap (PDF 32000 9.10.3) for two-byte CIDs 1..n: what text extraction and copy-paste
 * read a shown glyph as. CID {@code i} maps to {@code codePoints.get(i - 1)}, written in UTF-16BE
 * (a character outside the BMP, e.g. 𠮷, as its surrogate pair).
 */
final class ToUnicodeCMap {
    /** The most entries one {@code beginbfchar} block may hold. */
    private static final int BLOCK = 100;

    private ToUnicodeCMap() {
    }

    static byte[] write(List<Integer> codePoints) {
        StringBuilder cmap = new StringBuilder(128 + codePoints.size() * 20);
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int start = 0; start < codePoints.size(); start += BLOCK) {
            int end = Math.min(codePoints.size(), start + BLOCK);
            cmap.append(end - start).append(" beginbfchar\n");
            for (int i = start; i < end; i++) {
                hex4(cmap.append('<'), i + 1).append("> <");
                for (char unit : Character.toChars(codePoints.get(i))) {
                    hex4(cmap, unit);
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static StringBuilder hex4(StringBuilder out, int value) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.toUpperCase(Character.forDigit(value >> shift & 0xF, 16)));
        }
        return out;
    }
}
