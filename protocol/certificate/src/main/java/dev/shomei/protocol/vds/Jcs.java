package dev.shomei.protocol.vds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.StrictJson;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme. Object members sorted by their names as UTF-16 code units
 * (exactly {@link String#compareTo}); no whitespace; strings escaped as ECMAScript
 * {@code JSON.stringify} does; numbers as ECMAScript {@code Number.prototype.toString} renders the
 * IEEE 754 double. Lone surrogates, NaN and infinities are not I-JSON and are refused.
 *
 * <p>Hand-written on purpose. The one RFC 8785 library that resolves here,
 * {@code io.github.erdtman:java-json-canonicalization} 1.1 (last released 2018), was run against
 * {@code JcsTest}'s vectors (December 2026): its numbers match all 24 of appendix B and the RFC's
 * examples come out alike, but it writes a lone surrogate as {@code ?} instead of refusing it (two
 * different inputs would canonicalize, and so be signed, alike) and it refuses a top-level value that
 * is not an object or array. Its parser is its own, so our strict Jackson parse (duplicate names
 * refused) would run as well.
 */
public final class Jcs {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Jcs() {
    }

    /** Parses {@code json} strictly (duplicate names are an error) and returns its canonical form. */
    public static String canonicalize(String json) {
        return canonicalize(StrictJson.parse(json, "JSON"));
    }

    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                members.sort(Map.Entry.comparingByKey()); // String.compareTo: UTF-16 code units
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(members.get(i).getKey(), out);
                    out.append(':');
                    write(members.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new CertificateVerificationException("JSON value of type " + node.getNodeType()
                    + " cannot be canonicalized");
        }
    }

    /** A JSON string as ECMAScript {@code JSON.stringify} writes it (RFC 8785 section 3.2.2.2). */
    static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new CertificateVerificationException("JSON string has a lone surrogate (not I-JSON)");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript Number::toString for a double (ECMA-262 section 6.1.6.1.20): the shortest digits that
     * round-trip (the closest of them if several), fixed notation for 1e-7 &lt;= |x| &lt; 1e21,
     * exponential otherwise.
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new CertificateVerificationException("NaN and Infinity are not valid JSON numbers");
        }
        if (value == 0) {
            return "0"; // also -0
        }
        if (value < 0) {
            return "-" + number(-value);
        }
        BigDecimal shortest = shortestDecimal(value);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = digits x 10^(n-k)
        StringBuilder out = new StringBuilder(24);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /** The decimal with the fewest significant digits that parses back to {@code value}, nearest if several. */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("no 17-digit decimal round-trips " + value);
    }
}
