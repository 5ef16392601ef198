package dev.shomei.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void benchmarkNamesKeepClassAndMethod() {
        assertEquals("PdfRenderBench.render", Summary.shortName("dev.shomei.bench.pdf.PdfRenderBench.render"));
        assertEquals("plain", Summary.shortName("plain"));
    }

    @Test
    void numbersKeepThreeOrFourSignificantDigits() {
        assertEquals("5432", Summary.number(5432.4));
        assertEquals("5.43", Summary.number(5.432));
        assertEquals("0.0123", Summary.number(0.012345));
        assertEquals("", Summary.number(Double.NaN));
    }
}
