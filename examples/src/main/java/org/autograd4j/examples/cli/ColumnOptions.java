package org.autograd4j.examples.cli;

import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@link LabelOptions} and {@code --ignore}: the columns of a CSV file that {@code train}, {@code evaluate} and
 * {@code predict} read.
 */
public final class ColumnOptions {
    @Mixin
    private LabelOptions labels;

    @Option(names = "--ignore", paramLabel = "COLUMNS",
            description = "CSV: columns to leave out, comma-separated positions or names (an id column, say;"
                    + " for a saved model, default: as in training).")
    private String ignore;

    /**
     * The label column as given.
     *
     * @return the text of {@code --label}, empty when it was left out
     */
    public Optional<String> label() {
        return labels.label();
    }

    /**
     * Whether the file's first row is a header.
     *
     * @return empty when {@code --no-header} was left out, else false
     */
    public Optional<Boolean> header() {
        return labels.header();
    }

    /**
     * The columns to leave out as given.
     *
     * @return the text of {@code --ignore}, empty when it was left out
     */
    public Optional<String> ignore() {
        return Optional.ofNullable(ignore);
    }

    /**
     * Whether any of the three options was given.
     *
     * @return true if {@code --label}, {@code --ignore} or {@code --no-header} was
     */
    public boolean any() {
        return label().isPresent() || ignore != null || header().isPresent();
    }
}
