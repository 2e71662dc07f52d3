package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trained course CNN and its compressed variants (int8 PTQ, dynamic range, float16, float32 and int8 with
 * 4-bit k-means) as generated C on the host, on the first 100 Fashion-MNIST test images: every output record
 * equals the Java reference byte for byte. Tolerance for the float variants: none (0 ulp) — the float,
 * hybrid, float16 and float-codebook kernels accumulate in the reference's order and the host build uses
 * -ffp-contract=off. Skipped when /usr/share/datasets/fashion-mnist is absent.
 */
class CourseCnnVariantsHostTest {
    static final int IMAGES = 100;

    @TempDir
    Path tmp;

    @Test
    void everyVariantAsHostCEqualsTheJavaReferenceOn100TestImages() throws Exception {
        CourseCnnVariants.requireDataset();
        for (Map.Entry<String, Graph> e : CourseCnnVariants.all().entrySet()) {
            String name = e.getKey();
            Graph g = e.getValue();
            PreparedModel m = PreparedModel.prepare(g);
            byte[] in = CourseCnnVariants.testInputs(g, IMAGES);
            GeneratorOptions opt = new GeneratorOptions("cnn", "CourseCnnVariantsHostTest " + name);
            Path gen = tmp.resolve(name + "/gen");
            CodeGenerator.generate(m, opt, gen);
            if (name.contains("kmeans4")) {
                String c = Files.readString(gen.resolve("model.c"));
                String fn = g.tensor(g.inputs()[0]).dtype() == DType.INT8 ? "_cb_s8(" : "_cb_f32(";
                assertTrue(c.contains(fn), name + ": codebook kernels (" + fn + ") expected");
            }
            HostProgram p = HostBuild.compile(gen, CodeGenerator.harness(m, opt), tmp.resolve(name + "/build"));
            byte[] out = p.run(in);
            int inBytes = (int) g.inputRecordBytes();
            int outBytes = (int) g.outputRecordBytes();
            int elem = g.tensor(g.outputs()[0]).dtype().size();
            assertEquals(IMAGES * outBytes, out.length, name + ": output bytes");
            Interpreter java = new Interpreter(m);
            for (int i = 0; i < IMAGES; i++) {
                byte[] expected = java.run(Arrays.copyOfRange(in, i * inBytes, (i + 1) * inBytes));
                Bytes.assertSame("course CNN " + name + " test image " + i + " host C vs Java reference", expected,
                        Arrays.copyOfRange(out, i * outBytes, (i + 1) * outBytes), elem);
            }
            System.out.println("course CNN " + name + ": " + IMAGES + " test images, host C = Java reference");
        }
    }
}
