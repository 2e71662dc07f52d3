package io.tinyforge.cli;

import io.tinyforge.codegen.ToolVersion;
import io.tinyforge.host.HostBuildException;
import io.tinyforge.ir.ModelException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The {@code tinyforge} command: dispatches to a subcommand. Exit codes: 0 ok, 1 verification mismatch, 2 bad
 * input or usage (one line on stderr), 3 internal error (one line; {@code TINYFORGE_DEBUG=1} adds the trace).
 */
public final class Main {
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new InspectCommand(), new GenerateCommand(), new RunCommand(),
                new DemoCommand(), new BoardsCommand(), new TrainCommand(), new EvaluateCommand(),
                new QuantizeCommand(),
                new ClusterCommand(),
                new PruneCommand(),
                new QatCommand(),
                new DistillCommand(),
                new BenchCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        io.tinyforge.train.NativeFlavour.select(); // before anything loads ND4J's natives
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line and returns the exit code; never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out);
        } catch (UsageException | ModelException e) {
            err.println("tinyforge: " + firstLine(e.getMessage()));
            return 2;
        } catch (ParseException e) {
            err.println("tinyforge: " + firstLine(e.getMessage()) + " (see tinyforge --help)");
            return 2;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("tinyforge: I/O error: " + firstLine(String.valueOf(e.getMessage())));
            return 2;
        } catch (HostBuildException e) {
            err.println("tinyforge: " + firstLine(e.getMessage()) + debugHint());
            debug(e, err);
            return 3;
        } catch (Throwable e) {
            err.println("tinyforge: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + debugHint());
            debug(e, err);
            return 3;
        }
    }

    private static int dispatch(String[] args, PrintStream out) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(help());
            return 0;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            out.println("tinyforge " + ToolVersion.get());
            return 0;
        }
        Command c = COMMANDS.get(args[0]);
        if (c == null) {
            throw new UsageException("unknown command '" + args[0] + "'; commands: "
                    + String.join(", ", COMMANDS.keySet()) + " (see tinyforge --help)");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Options opts = c.options();
        opts.addOption(Option.builder("h").longOpt("help").desc("show this command's help").build());
        CommandLine cl = new DefaultParser().parse(opts, rest);
        if (cl.hasOption("help")) {
            out.print(commandHelp(c, opts));
            return 0;
        }
        return c.run(cl, new Command.Invocation(out, "tinyforge " + String.join(" ", args)));
    }

    static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("tinyforge ").append(ToolVersion.get())
                .append(" - TensorFlow Lite int8 models to bit-exact plain C99\n\n")
                .append("usage: tinyforge COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
        for (Command c : COMMANDS.values()) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        sb.append("\n  --help     this text (tinyforge COMMAND --help for a command's options)\n")
                .append("  --version  print the version\n\n")
                .append("exit codes: 0 ok, 1 verification mismatch, 2 bad input or usage, 3 internal error\n");
        return sb.toString();
    }

    static String commandHelp(Command c, Options opts) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: tinyforge ").append(c.name()).append(' ').append(c.arguments()).append("\n")
                .append(c.summary()).append("\n\noptions:\n");
        for (Option o : opts.getOptions().stream()
                .sorted((a, b) -> a.getLongOpt().compareTo(b.getLongOpt())).toList()) {
            String flag = "--" + o.getLongOpt() + (o.hasArg() ? " " + o.getArgName() : "");
            sb.append(String.format("  %-26s %s%n", flag, o.getDescription()));
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "(no message)";
        }
        return s.strip().lines().findFirst().orElse(s);
    }

    private static boolean debugOn() {
        return "1".equals(System.getenv("TINYFORGE_DEBUG"));
    }

    private static String debugHint() {
        return debugOn() ? "" : " (TINYFORGE_DEBUG=1 shows details)";
    }

    private static void debug(Throwable e, PrintStream err) {
        if (debugOn()) {
            e.printStackTrace(err);
        }
    }
}
