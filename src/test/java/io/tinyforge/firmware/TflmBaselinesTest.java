package io.tinyforge.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Parsing the per-core tables of the TFLM baseline file (layout of ../shared/baselines/tflm-cortex-m.md). */
class TflmBaselinesTest {

    private static final String MD = """
            ## Results per core

            ### Cortex-M4F (mps2-an386, -mcpu=cortex-m4 -mfloat-abi=hard)

            | model | TFLM-ref instructions | TFLM+CMSIS-NN instructions | ratio | i/MAC | arena ref / CMSIS (B) | code ref / CMSIS (B) | ok |
            |---|---:|---:|---:|---:|---:|---:|---|
            | m_a | 1,000 | 250 | 4.00× | 1 → 2 | 300 / 320 | 20,000 / 30,000 | yes / yes |

            ### Cortex-M33 (mps2-an505, -mcpu=cortex-m33)

            | model | TFLM-ref instructions | TFLM+CMSIS-NN instructions | ratio | i/MAC | arena ref / CMSIS (B) | code ref / CMSIS (B) | ok |
            |---|---:|---:|---:|---:|---:|---:|---|
            | m_a | 1,100 | 260 | 4.23× | 1 → 2 | 301 / 321 | 20,001 / 30,001 | yes / yes |

            ### All cores side by side

            | model | M4 ref | M4 CMSIS | M4 ratio |
            |---|---:|---:|---:|
            | m_a | 9 | 9 | 9 |
            """;

    @Test
    void eachCoreHeadingStartsItsOwnTable() {
        TflmBaselines b = TflmBaselines.parse(MD);
        assertEquals(new TflmBaselines.Row(1000, 250, 300, 320, 20000, 30000), b.get("cortex-m4", "m_a"));
        assertEquals(new TflmBaselines.Row(1100, 260, 301, 321, 20001, 30001), b.get("cortex-m33", "m_a"));
        assertNull(b.get("cortex-m3", "m_a"));
        assertNull(b.get("cortex-m4", "m_b"));
    }
}
