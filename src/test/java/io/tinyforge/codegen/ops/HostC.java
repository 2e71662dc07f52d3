package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import freemarker.template.Configuration;
import freemarker.template.Template;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import io.tinyforge.testing.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one operator three ways and compares: the Java reference kernel, and the C call its emitter and template
 * produce, compiled with the runtime-c kernel by the host gcc ({@code -std=c99 -Wall -Wextra -Werror
 * -pedantic}) and run on the same inputs. Skipped when gcc is not installed.
 */
final class HostC {

    private HostC() {
    }

    static boolean gccPresent() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Fills the op's non-constant inputs with {@code inputs} (one byte array per input, in operator order),
     * evaluates the kernel in Java, emits and runs C, and requires equal outputs. Returns the output bytes.
     */
    static <P extends OpParams> byte[] check(String where, Graph g, Operator op, OpKernel<P> kernel,
            OpEmitter<P> emitter, Rounding rounding, List<byte[]> inputs) {
        assumeTrue(gccPresent(), "skipped: gcc not found");
        P params = kernel.prepare(g, op, new PrepareContext(rounding));
        TensorStore store = new TensorStore(g);
        List<Integer> fed = new ArrayList<>();
        for (int in : op.inputs()) {
            if (in >= 0 && !g.tensor(in).isConstant()) {
                fed.add(in);
            }
        }
        assertEquals(fed.size(), inputs.size(), where + ": input count");
        ByteArrayOutputStream inFile = new ByteArrayOutputStream();
        for (int k = 0; k < fed.size(); k++) {
            byte[] src = inputs.get(k);
            System.arraycopy(src, 0, store.bytes(fed.get(k)), 0, src.length);
            inFile.writeBytes(store.bytes(fed.get(k)));
        }
        kernel.eval(params, store);
        byte[] javaOut = store.bytes(op.output(0));

        ArrayEmitContext ctx = new ArrayEmitContext(g);
        OpCall call = emitter.emit(params, ctx);
        String callText = render(call);
        StringBuilder c = new StringBuilder();
        c.append("#include <stdio.h>\n#include <stdint.h>\n#include <stddef.h>\n#include \"tfg_nn.h\"\n\n");
        for (int in : fed) {
            ctx.tensor(in);
        }
        ctx.tensor(op.output(0));
        c.append(ctx.declarations()).append('\n');
        c.append("int main(int argc, char **argv)\n{\n    FILE *f;\n    (void)argc;\n");
        c.append("    f = fopen(argv[1], \"rb\");\n    if (f == NULL) { return 2; }\n");
        for (int in : fed) {
            c.append("    if (fread(t").append(in).append(", 1, sizeof t").append(in)
                    .append(", f) != sizeof t").append(in).append(") { return 3; }\n");
        }
        c.append("    fclose(f);\n");
        c.append("    ").append(callText.strip().replace("\n", "\n    ")).append('\n');
        c.append("    f = fopen(argv[2], \"wb\");\n    if (f == NULL) { return 4; }\n");
        int out = op.output(0);
        c.append("    if (fwrite(t").append(out).append(", 1, sizeof t").append(out).append(", f) != sizeof t")
                .append(out).append(") { return 5; }\n    fclose(f);\n    return 0;\n}\n");
        byte[] cOut = compileAndRun(where, c.toString(), call.kernelSources(), rounding, inFile.toByteArray());
        Bytes.assertSame(where + " (host C vs Java reference, " + rounding + " rounding)", javaOut, cOut,
                g.tensor(out).dtype().size());
        return javaOut;
    }

    static String render(OpCall call) {
        try {
            Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
            cfg.setClassForTemplateLoading(HostC.class, "/templates");
            cfg.setDefaultEncoding("UTF-8");
            Template t = new Template("call", "<#import \"ops/" + call.template() + ".ftl\" as op><@op.call a=args/>",
                    cfg);
            StringWriter w = new StringWriter();
            t.process(Map.of("args", call.args()), w);
            return w.toString();
        } catch (IOException | freemarker.template.TemplateException e) {
            throw new IllegalStateException("template " + call.template() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] compileAndRun(String where, String main, List<String> sources, Rounding rounding,
            byte[] input) {
        try {
            Path dir = Files.createTempDirectory("tfg-basic-");
            Files.writeString(dir.resolve("main.c"), main);
            Files.writeString(dir.resolve("tfg_config.h"), "#define TFG_SINGLE_ROUNDING "
                    + (rounding == Rounding.SINGLE ? 1 : 0) + "\n");
            Files.write(dir.resolve("in.bin"), input);
            Path runtime = Path.of("runtime-c").toAbsolutePath();
            List<String> cmd = new ArrayList<>(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                    "-O2", "-I", runtime.resolve("include").toString(), "-I", dir.toString(), "-o",
                    dir.resolve("op").toString(), dir.resolve("main.c").toString()));
            for (String s : sources) {
                cmd.add(runtime.resolve("src").resolve(s).toString());
            }
            run(where + " gcc", dir, cmd);
            run(where + " run", dir, List.of(dir.resolve("op").toString(), dir.resolve("in.bin").toString(),
                    dir.resolve("out.bin").toString()));
            byte[] out = Files.readAllBytes(dir.resolve("out.bin"));
            for (String f : new String[] {"main.c", "tfg_config.h", "in.bin", "out.bin", "op"}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(dir);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String what, Path dir, List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(what + " failed (exit " + p.exitValue() + "):\n" + log + "\nin " + dir
                        + "\n" + (Files.exists(dir.resolve("main.c")) ? Files.readString(dir.resolve("main.c")) : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " interrupted");
        }
    }
}
