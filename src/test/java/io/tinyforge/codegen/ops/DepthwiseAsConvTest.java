package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * micro_speech's depthwise layer (one input channel, depth multiplier 8, 10x8 filter) is emitted as the GEMM
 * convolution it equals (its outputs against the TFLM goldens are checked by ConvModelsHostTest,
 * DspEmulationHostTest and ConvModelsQemuTest); here: which kernel the generator picked, on which dims.
 */
class DepthwiseAsConvTest {
    @TempDir
    Path tmp;

    @Test
    void depthMultiplierLayerOfOneChannelBecomesTheGemmConvolution() throws Exception {
        SharedModels.require();
        PreparedModel m = PreparedModel.prepare(TfliteImporter.load(SharedModels.model("tflm_micro_speech_int8")));
        CodeGenerator.generate(m, new GeneratorOptions("ms", "test ms"), tmp.resolve("gen"));
        String modelC = Files.readString(tmp.resolve("gen/model.c"));
        assertTrue(modelC.contains("tfg_conv2d_gemm_s8("), "micro_speech: no GEMM convolution call in\n" + modelC);
        assertTrue(modelC.contains("(tfg_dims){8, 10, 8, 1}"),
                "micro_speech: the convolution's filter should be 8 rows of 10x8x1 taps in\n" + modelC);
        assertFalse(modelC.contains("tfg_depthwise_conv2d_s8("),
                "micro_speech: the depthwise layer still calls the reference kernel in\n" + modelC);
    }
}
