package org.autograd4j.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: where MNIST's four IDX files are, for every command that can read MNIST. */
public final class MnistOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/mnist",
            description = "MNIST: the folder holding the four IDX files (default: ${DEFAULT-VALUE}).")
    private Path dir;

    /**
     * The folder of the IDX files.
     *
     * @return the folder given, or {@code data/mnist}
     */
    public Path dir() {
        return dir;
    }
}
