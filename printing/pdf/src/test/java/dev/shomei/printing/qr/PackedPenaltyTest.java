package dev.shomei.printing.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bit-packed mask penalty equals the module-by-module one on every symbol size. */
class PackedPenaltyTest {
    @Test
    void equalsTheReferenceOnRandomAndPatternedMatrices() {
        Random random = new Random(18004);
        for (int version = 1; version <= 40; version++) {
            int size = 17 + 4 * version;
            for (int trial = 0; trial < 12; trial++) {
                boolean[][] m = new boolean[size][size];
                // trials 0-5 random at different densities; 6-11 long runs and finder-like lines
                double density = trial < 6 ? 0.1 + 0.15 * trial : 0.5;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        m[y][x] = random.nextDouble() < density;
                    }
                }
                if (trial >= 6) {
                    int[] finder = {1, 0, 1, 1, 1, 0, 1};
                    for (int n = 0; n < size; n++) {
                        int row = random.nextInt(size);
                        int at = random.nextInt(size) - 5; // sometimes overlapping an edge
                        for (int i = 0; i < 7; i++) {
                            if (at + i >= 0 && at + i < size) {
                                m[row][at + i] = finder[i] == 1;
                                m[at + i][row] = finder[i] == 1; // and in a column
                            }
                        }
                        int runAt = random.nextInt(size);
                        int runLength = 4 + random.nextInt(12);
                        boolean colour = random.nextBoolean();
                        for (int i = runAt; i < Math.min(size, runAt + runLength); i++) {
                            m[row][i] = colour;
                        }
                    }
                }
                assertEquals(PenaltyReference.penalty(m), QrEncoder.penalty(m), "version " + version + " trial " + trial);
            }
        }
    }

    @Test
    void uniformMatricesToo() {
        for (int size : new int[] {21, 63, 64, 65, 127, 128, 129, 177}) {
            for (boolean colour : new boolean[] {false, true}) {
                boolean[][] m = new boolean[size][size];
                for (boolean[] row : m) {
                    java.util.Arrays.fill(row, colour);
                }
                assertEquals(PenaltyReference.penalty(m), QrEncoder.penalty(m), size + " " + colour);
            }
        }
    }
}
