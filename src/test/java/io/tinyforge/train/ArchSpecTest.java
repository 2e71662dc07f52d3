package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.ModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of architecture strings such as {@code c8-p-c16-p-d10}. */
class ArchSpecTest {

    @Test
    void parsesTheCourseCnnAndStudents() {
        ArchSpec a = ArchSpec.parse(ArchSpec.COURSE);
        assertEquals(List.of(new ArchSpec.Layer(ArchSpec.Kind.CONV, 8, 3), new ArchSpec.Layer(ArchSpec.Kind.POOL, 0, 2),
                new ArchSpec.Layer(ArchSpec.Kind.CONV, 16, 3), new ArchSpec.Layer(ArchSpec.Kind.POOL, 0, 2),
                new ArchSpec.Layer(ArchSpec.Kind.DENSE, 10, 0)), a.layers());
        assertEquals(10, a.classes());
        ArchSpec s = ArchSpec.parse("C4K5-p-d32-d10");
        assertEquals(new ArchSpec.Layer(ArchSpec.Kind.CONV, 4, 5), s.layers().get(0));
        assertEquals(4, s.layers().size());
        assertEquals("c4k5-p-d32-d10", s.toString());
    }

    @Test
    void rejectsBadSpecsInOneLine() {
        for (String[] c : new String[][] {
            {"c8-p", "the last layer must be dense"},
            {"c8-x-d10", "unknown layer 'x'"},
            {"d10-c8-d10", "'c8' after a dense layer"},
            {"c0-d10", "'c0' out of range"},
            {"c8--d10", "unknown layer ''"},
            {"cx-d10", "unknown layer 'cx'"}}) {
            ModelException e = assertThrows(ModelException.class, () -> ArchSpec.parse(c[0]));
            assertTrue(e.getMessage().startsWith("bad --arch '" + c[0] + "': " + c[1]), e.getMessage());
        }
    }
}
