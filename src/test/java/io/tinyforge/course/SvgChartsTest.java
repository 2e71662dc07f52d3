package io.tinyforge.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    @Test
    void ticksAreRoundValuesInsideTheRange() {
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, SvgCharts.ticks(new double[] {0, 10}), 1e-9);
        assertArrayEquals(new double[] {10000, 15000, 20000, 25000, 30000, 35000, 40000},
                SvgCharts.ticks(new double[] {8000, 41000}), 1e-9);
        assertArrayEquals(new double[] {70, 71, 72, 73}, SvgCharts.ticks(new double[] {69.5, 73.4}), 1e-9);
    }

    @Test
    void rangeIsPaddedAndNeverEmpty() {
        assertArrayEquals(new double[] {-0.8, 10.8}, SvgCharts.range(new double[] {0, 10}), 1e-9);
        double[] one = SvgCharts.range(new double[] {5});
        assertTrue(one[0] < 5 && one[1] > 5);
        assertArrayEquals(new double[] {0, 1}, SvgCharts.range(new double[0]), 0);
    }

    @Test
    void chartsEscapeLabelsAndMarkMissingValues() {
        String bars = SvgCharts.bars("a<b", "B", List.of(new SvgCharts.Point("x&y", 10, 0),
                new SvgCharts.Point("none", Double.NaN, 0)));
        assertTrue(bars.contains("a&lt;b"), bars);
        assertTrue(bars.contains("x&amp;y"), bars);
        assertTrue(bars.contains(">n/a<"), bars);
        assertFalse(bars.contains("NaN"), bars);
        String sc = SvgCharts.scatter("t", "x", "y", List.of(new SvgCharts.Point("p", 1, 2),
                new SvgCharts.Point("q", Double.NaN, 3)));
        assertEquals(1, sc.split("<circle", -1).length - 1, "the point without x is not drawn");
    }

    @Test
    void overlappingLabelsMoveApart() {
        List<double[]> placed = new java.util.ArrayList<>();
        double a = SvgCharts.labelY(placed, 100, 160, 50);
        placed.add(new double[] {100, 160, a});
        double b = SvgCharts.labelY(placed, 110, 170, 51);
        placed.add(new double[] {110, 170, b});
        double c = SvgCharts.labelY(placed, 300, 360, 50);
        assertEquals(44, a, 1e-9);
        assertTrue(Math.abs(b - a) >= 12, a + " vs " + b);
        assertEquals(44, c, 1e-9, "no clash far to the right");
    }

    @Test
    void numbersAreGroupedOrTwoDecimals() {
        assertEquals("12,345", SvgCharts.num(12345));
        assertEquals("3.83", SvgCharts.num(3.8312));
    }
}
