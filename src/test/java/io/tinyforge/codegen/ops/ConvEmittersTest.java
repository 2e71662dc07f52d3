package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.template.Template;
import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.Templates;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.ops.Conv2DParams;
import io.tinyforge.refimpl.ops.DepthwiseConv2DParams;
import io.tinyforge.refimpl.ops.FullyConnectedParams;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden text of the three call templates: params written by hand go through the emitter and its template; the
 * expected C is written out here in full, so any change to argument order or formatting shows up.
 */
class ConvEmittersTest {

    /** Names tensors t<i> / NULL and int32 arrays <hint>, and records what was registered. */
    private static final class FakeContext implements EmitContext {
        final List<String> arrays = new ArrayList<>();

        @Override
        public String tensor(int tensorIndex) {
            return tensorIndex < 0 ? "NULL" : "t" + tensorIndex;
        }

        @Override
        public String constInt8(String hint, byte[] values) {
            throw new AssertionError("no int8 arrays expected");
        }

        @Override
        public String constInt16(String hint, short[] values) {
            throw new AssertionError("no int16 arrays expected");
        }

        @Override
        public String constInt32(String hint, int[] values) {
            arrays.add(hint + Arrays.toString(values));
            return hint;
        }

        @Override
        public String constFloat(String hint, float[] values) {
            throw new AssertionError("no float arrays expected");
        }

        @Override
        public String scratch() {
            return "scratch";
        }
    }

    private static String render(OpCall call) throws Exception {
        Template t = new Template("call", "<#import \"ops/" + call.template() + ".ftl\" as op><@op.call a=args/>",
                Templates.configuration());
        StringWriter w = new StringWriter();
        t.process(Map.of("args", call.args()), w);
        return w.toString();
    }

    private static Operator op(int index, OpType type) {
        return new Operator(index, type, new int[0], new int[0], null, new int[0]);
    }

    @Test
    void conv2dCall() throws Exception {
        Conv2DParams p = new Conv2DParams(op(4, OpType.CONV_2D), 1, 2, 3, 5, 1, 49, 10, 1, 10, 4, 1, 25, 5, 64, 1,
                2, 2, 1, 1, 4, 1, -83, -128, new int[] {1 << 30, 1 << 30}, new int[] {-7, -8}, -128, 127,
                Rounding.DOUBLE);
        FakeContext ctx = new FakeContext();
        OpCall call = new Conv2DEmitter().emit(p, ctx);
        assertEquals(List.of("conv/tfg_conv2d_s8.c", "conv/tfg_conv2d_dsp_s8.c"), call.kernelSources());
        assertEquals(List.of("conv_mult[1073741824, 1073741824]", "conv_shift[-7, -8]"), ctx.arrays);
        assertEquals("""
                if (tfg_conv2d_dsp_s8(t1, (tfg_dims){1, 49, 10, 1},
                                      t2, (tfg_dims){64, 10, 4, 1},
                                      t3,
                                      t5, (tfg_dims){1, 25, 5, 64},
                                      2, 2, 1, 1, 4, 1,
                                      -83, -128,
                                      (tfg_per_channel_quant){conv_mult, conv_shift},
                                      (tfg_activation){-128, 127}, scratch) != TFG_OK) {
                    return 5;
                }
                """, render(call));
    }

    @Test
    void depthwiseCall() throws Exception {
        DepthwiseConv2DParams p = new DepthwiseConv2DParams(op(1, OpType.DEPTHWISE_CONV_2D), 4, 8, -1, 2, 1, 49,
                40, 1, 10, 8, 25, 20, 8, 8, 2, 2, 1, 1, 4, 3, 128, -128, new int[] {1}, new int[] {0}, -128, 127,
                Rounding.DOUBLE);
        OpCall call = new DepthwiseConv2DEmitter().emit(p, new FakeContext());
        assertEquals(List.of("conv/tfg_depthwise_conv2d_s8.c"), call.kernelSources());
        assertEquals("""
                if (tfg_depthwise_conv2d_s8(t4, (tfg_dims){1, 49, 40, 1},
                                            t8, (tfg_dims){1, 10, 8, 8},
                                            NULL,
                                            t2, (tfg_dims){1, 25, 20, 8},
                                            8,
                                            2, 2, 1, 1, 4, 3,
                                            128, -128,
                                            (tfg_per_channel_quant){dw_mult, dw_shift},
                                            (tfg_activation){-128, 127}) != TFG_OK) {
                    return 2;
                }
                """, render(call));
    }

    @Test
    void fullyConnectedPerTensorCall() throws Exception {
        FullyConnectedParams p = new FullyConnectedParams(op(0, OpType.FULLY_CONNECTED), 0, 6, 5, 7, 1, 1, 16,
                128, 0, -128, false, new int[] {1367343141}, new int[] {-5}, -128, 127, Rounding.DOUBLE);
        FakeContext ctx = new FakeContext();
        OpCall call = new FullyConnectedEmitter().emit(p, ctx);
        assertEquals(List.of("conv/tfg_fully_connected_s8.c", "conv/tfg_fully_connected_dsp_s8.c"),
                call.kernelSources());
        assertEquals(List.of("fc_mult[1367343141]", "fc_shift[-5]"), ctx.arrays);
        assertEquals("""
                if (tfg_fully_connected_dsp_s8(t0, t6, t5,
                                               t7,
                                               1, 1, 16,
                                               128, 0, -128,
                                               (tfg_per_channel_quant){fc_mult, fc_shift}, 0,
                                               (tfg_activation){-128, 127}) != TFG_OK) {
                    return 1;
                }
                """, render(call));
    }
}
