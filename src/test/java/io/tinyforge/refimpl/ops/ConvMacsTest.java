package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.refimpl.PreparedOp;
import io.tinyforge.testing.SharedModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MACs of the conv / depthwise / fully-connected params add up to the MLPerf Tiny counts computed
 * independently from the .tflite files (../shared/reference/anchors.md, section 3, "MACs (computed)").
 */
class ConvMacsTest {

    @ParameterizedTest
    @CsvSource({
        "mlperf_tiny_ad01_int8, 264192",
        "mlperf_tiny_kws_ref_int8, 2656768",
        "mlperf_tiny_vww_96_int8, 7489664",
        "mlperf_tiny_str_ww_int8, 826368"})
    void macsMatchTheMlperfTinyCounts(String model, long expected) {
        PreparedModel m = PreparedModel.prepare(TfliteImporter.load(SharedModels.model(model)));
        long macs = 0;
        for (PreparedOp<?> op : m.ops()) {
            OpParams p = op.params();
            if (p instanceof Conv2DParams || p instanceof DepthwiseConv2DParams || p instanceof FullyConnectedParams) {
                macs += ((HasMacs) p).macs();
            }
        }
        assertEquals(expected, macs, model + " conv + depthwise + fully connected MACs");
    }
}
