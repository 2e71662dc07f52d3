package io.tinyforge.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand: its name, a one-line summary, its options and what it does; returns the exit code. */
interface Command {

    String name();

    /** Arguments after the options, for the help text (e.g. "MODEL.tflite"). */
    String arguments();

    String summary();

    Options options();

    int run(CommandLine cl, Invocation inv) throws Exception;

    /** Where a command writes and how it was called (for generated file headers). */
    record Invocation(PrintStream out, String commandLine) {
    }
}
