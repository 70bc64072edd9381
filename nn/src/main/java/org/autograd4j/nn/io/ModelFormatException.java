package org.autograd4j.nn.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be loaded: truncated, corrupted (checksum mismatch), foreign (not an autograd4j model),
 * of a newer format version, or describing a model that cannot be rebuilt. The message names the file and the
 * problem. When it is thrown nothing was loaded.
 */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    /**
     * An exception for {@code file} with a message {@code "<op>: <file>: <problem>"}.
     *
     * @param op the operation that failed, e.g. {@code "load"}
     * @param file the file being read
     * @param problem what is wrong with it, for the message
     * @param cause the underlying error, or null
     */
    public ModelFormatException(String op, Path file, String problem, Throwable cause) {
        super(op + ": " + file + ": " + problem, cause);
        this.file = file;
    }

    /**
     * The file that could not be loaded.
     *
     * @return the path as given to the operation that failed
     */
    public Path file() {
        return file;
    }
}
