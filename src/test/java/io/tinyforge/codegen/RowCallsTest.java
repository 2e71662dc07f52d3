package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.codegen.view.RowRefView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which calls become const rows behind one call site, and which stay direct calls. */
class RowCallsTest {

    private static OpCall conv(int op, boolean scratch, int padH) {
        Map<String, Object> a = new HashMap<>();
        for (String k : List.of("input", "filter", "bias", "output", "multipliers", "shifts")) {
            a.put(k, "x_" + k);
        }
        for (String k : List.of("input_dims", "filter_dims", "output_dims")) {
            a.put(k, List.of(1, 2, 3, 4));
        }
        for (String k : List.of("stride_h", "stride_w", "dilation_h", "dilation_w", "pad_w", "input_offset",
                "output_offset", "act_min", "act_max")) {
            a.put(k, 1);
        }
        a.put("pad_h", padH);
        a.put("op", op);
        if (scratch) {
            a.put("scratch", "s");
        }
        return new OpCall("conv_2d", a, List.of());
    }

    @Test
    void repeatedCallsWithTheSameArgumentSetShareATable() {
        OpCall other = new OpCall("softmax", Map.of("op", 2), List.of());
        RowCalls r = RowCalls.of(List.of(conv(0, true, 1), conv(1, false, 0), other, conv(3, true, 0),
                conv(4, true, 40000), conv(5, false, 2)));
        assertEquals(List.of("conv_2d", "conv_2d_ref"), r.groups().stream().map(g -> g.name()).toList());
        assertEquals(Map.of("0", new RowRefView("conv_2d", 0), "3", new RowRefView("conv_2d", 1),
                "1", new RowRefView("conv_2d_ref", 0), "5", new RowRefView("conv_2d_ref", 1)), r.refs(),
                "softmax and the call with pad_h 40000 (beyond int16) stay direct");
    }

    @Test
    void aSingleCallOrAnUnknownArgumentStaysDirect() {
        OpCall extra = conv(1, true, 0);
        Map<String, Object> a = new HashMap<>(extra.args());
        a.put("variant", 2);
        RowCalls r = RowCalls.of(List.of(conv(0, true, 0), new OpCall("conv_2d", a, List.of())));
        assertEquals(List.of(), r.groups());
        assertEquals(Map.of(), r.refs());
    }
}
