package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the tool in-process with captured output, and provides the shipped datasets as files. */
final class CliRunner {
    private CliRunner() {
    }

    /** What one invocation printed and returned. */
    record Run(int status, String out, String err) {
        /** Asserts a usage error: status 2 and exactly one line on standard error, without a stack trace. */
        Run assertUsageError() {
            assertEquals(Cli.EXIT_USAGE, status, () -> "status; out: " + out + "; err: " + err);
            assertEquals(1, err.lines().count(), () -> "one line expected on stderr, got: " + err);
            assertFalse(err.contains("\tat ") || err.contains("Exception"), () -> "no stack trace expected: " + err);
            return this;
        }

        /** Asserts success. */
        Run assertOk() {
            assertEquals(0, status, () -> "status; out: " + out + "; err: " + err);
            return this;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Copies a shipped dataset ({@code wdbc.csv}, {@code iris.csv}...) into {@code dir}. */
    static Path dataset(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = CliRunner.class.getResourceAsStream("/datasets/" + name)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The repository's {@code data/mnist} folder (tests run in the module folder). */
    static Path mnistDir() {
        for (Path p : new Path[] {Path.of("data", "mnist"), Path.of("..", "data", "mnist")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("data/mnist not found from " + Path.of("").toAbsolutePath());
    }
}
