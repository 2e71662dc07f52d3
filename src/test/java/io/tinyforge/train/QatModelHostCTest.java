package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A QAT-converted int8 CNN generated as C, compiled with -Werror and run on the host: equal to the Java reference. */
class QatModelHostCTest {

    @TempDir
    Path tmp;

    @Test
    void qatInt8ModelCEqualsJavaReferenceByteForByte() {
        Graph g = QatFixture.model();
        assertEquals(DType.INT8, g.tensor(g.inputs()[0]).dtype(), "int8 input");
        int vectors = 24;
        byte[] in = QatFixture.inputs(g, vectors);
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions("qat", "QatModelHostCTest");
        CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        HostProgram p = HostBuild.compile(tmp.resolve("gen"), CodeGenerator.harness(m, opt), tmp.resolve("build"));
        byte[] out = p.run(in);
        int inBytes = (int) g.inputRecordBytes();
        int outBytes = (int) g.outputRecordBytes();
        assertEquals((long) vectors * outBytes, out.length, "output bytes");
        Interpreter java = new Interpreter(m);
        for (int v = 0; v < vectors; v++) {
            Bytes.assertSame("qat_fixture vector " + v + " host C vs Java reference",
                    java.run(Arrays.copyOfRange(in, v * inBytes, (v + 1) * inBytes)),
                    Arrays.copyOfRange(out, v * outBytes, (v + 1) * outBytes), 1);
        }
    }
}
