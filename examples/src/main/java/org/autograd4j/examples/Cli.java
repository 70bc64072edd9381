package org.autograd4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.autograd4j.examples.cli.EvaluateCommand;
import org.autograd4j.examples.cli.GradcheckCommand;
import org.autograd4j.examples.cli.PredictCommand;
import org.autograd4j.examples.cli.SplitCommand;
import org.autograd4j.examples.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code autograd4j} command-line tool: {@code train}, {@code evaluate}, {@code predict}, {@code split} and
 * {@code gradcheck}, each with {@code --help}.
 *
 * <pre>
 * java -jar examples/target/autograd4j-examples.jar train                 # the default: WDBC breast cancer
 * java -jar examples/target/autograd4j-examples.jar train iris --hidden 16 --epochs 200
 * java -jar examples/target/autograd4j-examples.jar evaluate --model runs/wdbc/model.ag4j data.csv
 * </pre>
 *
 * <p>Exit status: 0 on success; {@value #EXIT_USAGE} for a mistake of the user (a bad argument, a missing or malformed
 * file, a model that does not fit the data), reported as one line on standard error without a stack trace and
 * without overwriting anything; {@value #EXIT_FAILURE} when a check ran and failed ({@code gradcheck}), when training
 * diverged (the loss or a weight became NaN or infinite: {@code train} stops there and writes no files), or for an
 * internal error.
 */
@Command(name = "autograd4j", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        description = "Trains, evaluates and applies neural networks built with autograd4j.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, SplitCommand.class,
            GradcheckCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    /** Exit status for a usage or input error. */
    public static final int EXIT_USAGE = 2;
    /** Exit status for a failed check or an internal error. */
    public static final int EXIT_FAILURE = 1;

    @Spec
    private CommandSpec spec;

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line: a command and its options
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the tool without exiting, writing to the given streams (for tests and embedding).
     *
     * @param out where results go
     * @param err where errors and warnings go
     * @param args the command line: a command and its options
     * @return the exit status
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Cli::onBadArguments);
        cl.setExecutionExceptionHandler((e, line, parsed) -> onFailure(e, line));
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * The tool's version as the build recorded it (Maven fills {@code version.properties} in from the project's
     * version), e.g. {@code 0.1.0-SNAPSHOT}.
     *
     * @return the version
     * @throws IllegalStateException when the resource is missing (a broken build)
     */
    public static String version() {
        try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the classpath; this is a bug"
                        + " in the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code --version} prints: the tool's version from the build. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        /** Creates the provider (picocli calls this). */
        public VersionProvider() {
        }

        @Override
        public String[] getVersion() {
            return new String[] {"autograd4j " + version()};
        }
    }

    /** Without a subcommand: a usage error that lists the commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing a command: train, evaluate, predict, split or gradcheck");
    }

    private static int onBadArguments(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        cl.getErr().println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
        cl.getErr().flush();
        return EXIT_USAGE;
    }

    private static int onFailure(Exception e, CommandLine cl) {
        String name = cl.getCommandSpec().name();
        boolean usersMistake = e instanceof IllegalArgumentException || e instanceof UncheckedIOException
                || e instanceof java.io.IOException;
        String message = usersMistake ? e.getMessage() : "internal error: " + e;
        cl.getErr().println(name + ": " + oneLine(message));
        cl.getErr().flush();
        return usersMistake ? EXIT_USAGE : EXIT_FAILURE;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
