package dev.shomei.printing.qr;

/**
 * The mask penalty of ISO/IEC 18004 section 7.8.3 module by module, as ZXing's MaskUtil computes
 * it (the encoder's form before it packed lines into bits): what {@link QrEncoder#penalty} must equal.
 */
final class PenaltyReference {
    private static final int PENALTY_N1 = 3;
    private static final int PENALTY_N2 = 3;
    private static final int PENALTY_N3 = 40;
    private static final int PENALTY_N4 = 10;

    private PenaltyReference() {
    }

    static int penalty(boolean[][] m) {
        int size = m.length;
        boolean[][] columns = new boolean[size][size];
        int dark = 0;
        int penalty = 0;
        for (int y = 0; y < size; y++) {
            boolean[] row = m[y];
            for (int x = 0; x < size; x++) {
                columns[x][y] = row[x];
                dark += row[x] ? 1 : 0;
            }
        }
        for (int i = 0; i < size; i++) {
            penalty += runsAndFinders(m[i]) + runsAndFinders(columns[i]);
        }
        // rule 2: 2x2 blocks of one colour
        for (int y = 0; y < size - 1; y++) {
            boolean[] row = m[y];
            boolean[] below = m[y + 1];
            for (int x = 0; x < size - 1; x++) {
                boolean c = row[x];
                if (c == row[x + 1] && c == below[x] && c == below[x + 1]) {
                    penalty += PENALTY_N2;
                }
            }
        }
        // rule 4: proportion of dark modules, in steps of 5% away from half
        int total = size * size;
        return penalty + Math.abs(dark * 2 - total) * 10 / total * PENALTY_N4;
    }

    /**
     * Rule 1 (runs of five or more modules of one colour) and rule 3 (a 1:1:3:1:1 finder-like
     * pattern with four light modules on one side, not counting a side that leaves the symbol) on one line.
     */
    private static int runsAndFinders(boolean[] line) {
        int size = line.length;
        int penalty = 0;
        int run = 1;
        for (int i = 1; i < size; i++) {
            if (line[i] == line[i - 1]) {
                run++;
            } else {
                penalty += runPenalty(run);
                run = 1;
            }
        }
        penalty += runPenalty(run);
        for (int x = 0; x + 6 < size; x++) {
            if (line[x] && !line[x + 1] && line[x + 2] && line[x + 3] && line[x + 4] && !line[x + 5] && line[x + 6]
                    && (light(line, x - 4, x) || light(line, x + 7, x + 11))) {
                penalty += PENALTY_N3;
            }
        }
        return penalty;
    }

    private static int runPenalty(int run) {
        return run >= 5 ? PENALTY_N1 + run - 5 : 0;
    }

    private static boolean light(boolean[] line, int from, int to) {
        if (from < 0 || to > line.length) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (line[i]) {
                return false;
            }
        }
        return true;
    }

}
