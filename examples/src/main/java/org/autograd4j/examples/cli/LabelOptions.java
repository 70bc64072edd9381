package org.autograd4j.examples.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --label} and {@code --no-header}, declared once for every command that reads a CSV file; each command says
 * what an option left out means (the last column, or the saved model's layout).
 */
public final class LabelOptions {
    @Option(names = "--label", paramLabel = "COLUMN",
            description = "CSV: the label column, a 0-based position (negative from the end) or a header name"
                    + " (default: the last column; for a saved model: as in training).")
    private String label;

    @Option(names = "--no-header", description = "CSV: the file has no header row (for a saved model, default: as"
            + " in training).")
    private Boolean noHeader;

    /**
     * The label column as given.
     *
     * @return the text of {@code --label}, empty when it was left out
     */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /**
     * Whether the file's first row is a header.
     *
     * @return empty when {@code --no-header} was left out, else false
     */
    public Optional<Boolean> header() {
        return noHeader == null ? Optional.empty() : Optional.of(!noHeader);
    }
}
