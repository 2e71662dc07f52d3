package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.codegen.view.RowFieldView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact layout of const rows: constants, shared columns, arena offsets and narrow types. */
class RowColumnsTest {

    private static final List<Map<String, Object>> ROWS = List.of(
            Map.of("op", 3, "input", "((int8_t *)(tfg_arena + 64))", "filter", "m_t5", "dims", List.of(1, 24, 24, 300),
                    "stride", 2, "offset", -128, "act_max", 127),
            Map.of("op", 5, "input", "((int8_t *)(tfg_arena + 0))", "filter", "m_t7", "dims", List.of(1, 12, 12, 8),
                    "stride", 1, "offset", -128, "act_max", 127));

    @Test
    void constantsMoveIntoTheHelperAndEqualColumnsAreStoredOnce() {
        RowColumns c = RowColumns.of(ROWS, "r", Set.of("input", "filter", "dims0", "dims1", "dims2", "dims3",
                "stride", "offset", "act_max"));
        assertEquals(List.of(new RowFieldView("void *", "filter"), new RowFieldView("uint16_t", "dims3"),
                new RowFieldView("uint8_t", "dims1"), new RowFieldView("uint8_t", "input"),
                new RowFieldView("uint8_t", "stride")), c.fields());
        assertEquals(List.of(List.of("(void *)m_t5", "300", "24", "64", "2"), List.of("(void *)m_t7", "8", "12", "0", "1")),
                c.values());
        Map<String, String> e = c.expr();
        assertEquals("1", e.get("dims0"), "same in every row");
        assertEquals("r->dims1", e.get("dims2"), "dims2 equals dims1 in every row");
        assertEquals("-128", e.get("offset"));
        assertEquals("((int8_t *)(tfg_arena + r->input))", e.get("input"), "arena address stored as offset");
        assertEquals("r->filter", e.get("filter"));
    }

    @Test
    void slotsTheCallDoesNotReadAreNotStored() {
        RowColumns c = RowColumns.of(ROWS, "r", Set.of("stride"));
        assertEquals(List.of(new RowFieldView("uint8_t", "stride")), c.fields());
        assertEquals(Map.of("stride", "r->stride"), c.expr());
    }

    @Test
    void theRowTwinsCallNamesTheSlotsItReads() {
        Map<String, Object> first = new java.util.HashMap<>();
        for (String k : List.of("data", "pixels", "in_c", "out_c", "filter", "channels", "zp_after", "input_offset",
                "act_min", "act_max", "scratch", "unused_extra")) {
            first.put(k, 1);
        }
        Set<String> used = RowColumns.usedSlots("conv_1x1_gemm_inplace", first);
        assertEquals(Set.of("data", "pixels", "in_c", "out_c", "filter", "channels", "zp_after", "input_offset",
                "act_min", "act_max", "scratch"), used);
    }
}
