package io.tinyforge.course;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.firmware.Toolchain;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostBuildException;
import io.tinyforge.host.HostProgram;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.train.ModelAccuracy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures one variant: accuracy on the test images with the Java reference (in chunks, on up to two threads),
 * C generated into {@code cDir/ID}, its constant bytes, a host build run on the first test images and compared
 * with the Java reference byte for byte, and, when the emulator is enabled and the Arm toolchain and QEMU are
 * installed, the same as {@link #BOARD} firmware in QEMU (flash, RAM, instructions per inference).
 */
public final class VariantMeasurer {

    /** The emulated board (Cortex-M4F). */
    public static final String BOARD = "qemu-mps2-an386";

    private static final int CHUNK = 250;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final CourseContext ctx;
    private final Path cDir;
    private final Path work;
    private final String commandLine;
    private final boolean emulator;

    /** @param work scratch directory for host and firmware builds */
    public VariantMeasurer(CourseContext ctx, Path cDir, Path work, String commandLine) {
        this.ctx = ctx;
        this.cDir = cDir;
        this.work = work;
        this.commandLine = commandLine;
        this.emulator = ctx.budget().emulator() && emulatorInstalled();
    }

    /** arm-none-eabi-gcc, arm-none-eabi-size, make and qemu-system-arm are on the PATH. */
    public static boolean emulatorInstalled() {
        return Toolchain.canBuildFirmware() && Toolchain.has("qemu-system-arm");
    }

    /** True when firmware runs are part of the measurements. */
    public boolean emulator() {
        return emulator;
    }

    public Measurement measure(Variant v) {
        PreparedModel m = PreparedModel.prepare(v.graph(), PrepareContext.DEFAULT);
        LabeledImages test = ctx.data().test();
        double accuracy = accuracy(v, m, test);

        ProgressBar bar = ctx.bar(v.id() + ": C, host", 3);
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions(v.id(), commandLine), cDir.resolve(v.id()));
        bar.step(1);
        Path build = work.resolve(v.id());
        long weightBytes = constantBytes(gm.dir(), build.resolve("objects"));
        bar.step(1);
        int hostImages = Math.min(ctx.budget().compareImages(), test.count());
        byte[] inputs = records(m, test, hostImages);
        byte[] java = java(m, inputs);
        HostProgram prog = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, new GeneratorOptions(v.id(),
                commandLine)), build.resolve("host"));
        long hostMismatch = firstDifference(java, prog.run(inputs));
        bar.done();

        Long flash = null;
        Long ram = null;
        Long insns = null;
        Integer fwImages = null;
        Long fwMismatch = null;
        String fwError = null;
        if (emulator) {
            ProgressBar fb = ctx.bar(v.id() + ": M4 firmware in QEMU", 1);
            int n = Math.min(ctx.budget().firmwareImages(), hostImages);
            byte[] in = records(m, test, n);
            try {
                Board board = Boards.builtin().get(BOARD);
                Path plugin = Path.of(System.getProperty("user.home"), ".cache", "tinyforge", "qemu-plugin");
                FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(300), plugin).run(gm.dir(),
                        TestVectors.of(ModelApi.read(gm.dir()), in, "course test images"), build.resolve("firmware"),
                        commandLine);
                flash = run.image().usage().flashBytes();
                ram = run.image().usage().ramBytes();
                insns = Math.round(run.meanInstructions());
                fwImages = n;
                fwMismatch = firstDifference(java(m, in), run.outputs());
            } catch (RuntimeException e) {
                fwError = firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            fb.done();
        }
        return new Measurement(accuracy, test.count(), weightBytes, gm.plan().arenaBytes(), hostImages, hostMismatch,
                flash, ram, insns, fwImages, fwMismatch, fwError);
    }

    private double accuracy(Variant v, PreparedModel m, LabeledImages test) {
        ProgressBar bar = ctx.bar(v.id() + ": accuracy (" + test.count() + " images)", test.count());
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<int[]>> parts = new ArrayList<>();
            for (int from = 0; from < test.count(); from += CHUNK) {
                LabeledImages chunk = test.slice(from, Math.min(test.count(), from + CHUNK));
                parts.add(pool.submit(() -> {
                    int[] p = ModelAccuracy.predict(m, chunk);
                    bar.step(chunk.count());
                    return p;
                }));
            }
            int ok = 0;
            int i = 0;
            for (Future<int[]> f : parts) {
                for (int p : f.get()) {
                    ok += p == test.label(i++) ? 1 : 0;
                }
            }
            bar.done();
            return (double) ok / test.count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating " + v.id());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first {@code n} test images as the model's input records, concatenated. */
    static byte[] records(PreparedModel m, LabeledImages test, int n) {
        Tensor in = m.graph().tensor(m.graph().inputs()[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            out.writeBytes(ModelAccuracy.encode(in, test.image(i)));
        }
        return out.toByteArray();
    }

    static byte[] java(PreparedModel m, byte[] records) {
        Interpreter it = new Interpreter(m);
        int rec = (int) m.graph().inputRecordBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off + rec <= records.length; off += rec) {
            out.writeBytes(it.run(java.util.Arrays.copyOfRange(records, off, off + rec)));
        }
        return out.toByteArray();
    }

    /**
     * Compiles {@code model_data.c} alone with the host compiler and sums the sizes of its constant arrays that
     * the other generated {@code .c} files name: the weights the model's code reads (an array emitted but
     * referenced by no call, which the linker drops with {@code --gc-sections}, is not counted).
     */
    static long constantBytes(Path generated, Path objects) {
        try {
            Files.createDirectories(objects);
            Path obj = objects.resolve("model_data.o");
            List<String> cmd = new ArrayList<>();
            String cc = System.getenv("TINYFORGE_HOST_CC");
            cmd.add(cc == null || cc.isBlank() ? "gcc" : cc);
            cmd.addAll(HostBuild.FLAGS);
            cmd.addAll(List.of("-I", generated.toString(), "-c", generated.resolve("model_data.c").toString(), "-o",
                    obj.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(objects.resolve("cc.log")
                    .toFile()).start();
            p.getOutputStream().close();
            if (p.waitFor() != 0) {
                throw new HostBuildException("model_data.c does not compile on the host: "
                        + firstLine(Files.readString(objects.resolve("cc.log"))));
            }
            Set<String> used = new HashSet<>();
            try (Stream<Path> files = Files.list(generated)) {
                for (Path c : files.filter(f -> f.toString().endsWith(".c") && !f.getFileName().toString()
                        .equals("model_data.c")).sorted().toList()) {
                    Matcher m = IDENTIFIER.matcher(Files.readString(c));
                    while (m.find()) {
                        used.add(m.group());
                    }
                }
            }
            return ObjectSize.objectBytes(obj, used);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling model_data.c");
        }
    }

    /** The index of the first differing byte, or -1 when equal (a length difference counts). */
    static long firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse(s);
    }
}
