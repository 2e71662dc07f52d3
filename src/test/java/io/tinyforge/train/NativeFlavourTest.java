package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The choice between ND4J's oneDNN/AVX2 natives and the generic ones. */
class NativeFlavourTest {

    @Test
    void avx2NeedsBothAvx2AndFma() {
        assertTrue(NativeFlavour.hasAvx2(Set.of("sse4_2", "avx", "avx2", "fma")));
        assertFalse(NativeFlavour.hasAvx2(Set.of("sse4_2", "avx", "fma")));
        assertFalse(NativeFlavour.hasAvx2(Set.of("avx2")));
        assertFalse(NativeFlavour.hasAvx2(Set.of()));
    }

    @Test
    void selectionMatchesThisCpuAndIsStable() {
        String expected = System.getProperty(NativeFlavour.PROPERTY) != null
                ? System.getProperty(NativeFlavour.PROPERTY)
                : (NativeFlavour.hasAvx2(NativeFlavour.cpuFlags()) ? "-onednn-avx2" : "");
        assertEquals(expected, NativeFlavour.select());
        assertEquals(expected, System.getProperty(NativeFlavour.PROPERTY));
        assertEquals(expected, NativeFlavour.select(), "a second call keeps the first choice");
    }
}
