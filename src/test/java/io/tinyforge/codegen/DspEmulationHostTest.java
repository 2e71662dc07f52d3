package io.tinyforge.codegen;

import io.tinyforge.host.HostBuild;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DSP-extension kernel algorithms on the host: the generated C compiled with {@code TFG_DSP_EMULATE}
 * defined in {@code tfg_config.h} (portable C emulations of SXTB16, SXTAB16, SMLAD, SMLABB, SMLATT and LDRD
 * pairs) reproduces the TFLM goldens byte for byte, as the native Cortex-M4/M7/M33 builds do.
 */
class DspEmulationHostTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlperf_tiny_ad01_int8", "mlperf_tiny_kws_ref_int8", "mlperf_tiny_vww_96_int8",
            "mlperf_tiny_str_ww_int8", "tflm_micro_speech_int8"})
    void emulatedDspKernelsEqualTflmGoldens(String model) throws Exception {
        Path dir = SharedModels.require();
        Graph g = TfliteImporter.load(dir.resolve(model + ".tflite"));
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions(CNames.fromFileName(model), "DspEmulationHostTest " + model);
        GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        Files.writeString(gm.dir().resolve("tfg_config.h"), "\n#define TFG_DSP_EMULATE 1\n",
                StandardOpenOption.APPEND);
        // fails the build unless the define really switches the kernels to their DSP paths
        Files.writeString(gm.dir().resolve("dsp_check.c"), """
                #include "tfg_dsp.h"
                #if !TFG_HAS_DSP
                #error "TFG_DSP_EMULATE did not enable the DSP kernel paths"
                #endif
                typedef int dsp_check_nonempty;
                """);
        byte[] inputs = Files.readAllBytes(dir.resolve("golden").resolve(model + ".inputs.bin"));
        byte[] expected = Files.readAllBytes(dir.resolve("golden").resolve(model + ".outputs.bin"));
        byte[] actual = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), tmp.resolve("build")).run(inputs);
        Bytes.assertSame(model + " host C with emulated DSP kernels vs TFLM golden", expected, actual,
                g.output(0).dtype().size());
    }
}
