package io.tinyforge.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import freemarker.cache.FileTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.OpParams;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds and runs one operator as host C: the operator's emitter and template write the call, a test harness
 * template ({@code src/test/resources/ctest/single_op.c.ftl}) puts every tensor in a static array, and the
 * program is compiled with {@code gcc -std=c99 -Wall -Wextra -Werror -pedantic} together with the runtime
 * sources the call names. Skips the calling test when gcc is not installed.
 */
public final class SingleOpC {
    private static final List<String> FLAGS = List.of("-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic");

    private SingleOpC() {
    }

    /**
     * Runs the operator {@code repeat} times in C. {@code reads} tensors are filled, in order, from
     * {@code input}; the returned bytes are the {@code writes} tensors concatenated after the last run.
     */
    public static <P extends OpParams> byte[] run(Graph g, P params, OpEmitter<P> emitter, int repeat,
            List<Integer> reads, byte[] input, List<Integer> writes, Path workDir) {
        return run(g, params, emitter, repeat, reads, input, writes, workDir, Rounding.DOUBLE);
    }

    /** As {@link #run(Graph, OpParams, OpEmitter, int, List, byte[], List, Path)}, in the given rounding mode. */
    public static <P extends OpParams> byte[] run(Graph g, P params, OpEmitter<P> emitter, int repeat,
            List<Integer> reads, byte[] input, List<Integer> writes, Path workDir, Rounding rounding) {
        assumeTrue(gccPresent(), "skipped: gcc not found");
        ArrayEmitContext ctx = new ArrayEmitContext(g);
        OpCall call = emitter.emit(params, ctx);
        ctx.scratchBytes(params.scratchBytes());
        List<String> readNames = new ArrayList<>();
        for (int t : reads) {
            readNames.add(ctx.buffer(t).name());
        }
        List<String> writeNames = new ArrayList<>();
        for (int t : writes) {
            writeNames.add(ctx.buffer(t).name());
        }
        List<Map<String, Object>> arrays = new ArrayList<>();
        for (ArrayEmitContext.CArray a : ctx.arrays()) {
            arrays.add(a.view());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("template", call.template());
        model.put("args", call.args());
        model.put("arrays", arrays);
        model.put("scratchWords", ctx.scratchWords());
        model.put("reads", readNames);
        model.put("writes", writeNames);
        model.put("repeat", repeat);
        try {
            Files.createDirectories(workDir);
            Path harness = workDir.resolve("harness.c");
            Files.writeString(harness, render(model), StandardCharsets.UTF_8);
            Files.writeString(workDir.resolve("tfg_config.h"), "#define TFG_SINGLE_ROUNDING "
                    + (rounding == Rounding.SINGLE ? 1 : 0) + "\n");
            Path exe = workDir.resolve("op_host");
            List<String> cmd = new ArrayList<>(List.of("gcc"));
            cmd.addAll(FLAGS);
            cmd.addAll(List.of("-I", workDir.toString(), "-I", Path.of("runtime-c", "include").toString()));
            cmd.add(harness.toString());
            for (String src : call.kernelSources()) {
                cmd.add(Path.of("runtime-c", "src").resolve(src).toString());
            }
            cmd.addAll(List.of("-o", exe.toString()));
            Process cc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cc.waitFor(300, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                throw new AssertionError("host compile failed: " + String.join(" ", cmd) + "\n" + log);
            }
            Process p = new ProcessBuilder(exe.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream os = p.getOutputStream()) {
                os.write(input);
            }
            byte[] out;
            try (InputStream is = p.getInputStream()) {
                ByteArrayOutputStream bo = new ByteArrayOutputStream();
                is.transferTo(bo);
                out = bo.toByteArray();
            }
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("host program failed with exit code " + p.exitValue());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String render(Map<String, Object> model) throws IOException {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(new FileTemplateLoader(new File(".")));
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        StringWriter w = new StringWriter();
        try {
            c.getTemplate("src/test/resources/ctest/single_op.c.ftl").process(model, w);
        } catch (freemarker.template.TemplateException e) {
            throw new AssertionError("harness template failed: " + e.getMessage(), e);
        }
        return w.toString();
    }

    private static boolean gccPresent() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
