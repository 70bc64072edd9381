package org.autograd4j.examples.cli;

import org.autograd4j.examples.data.ColumnRef;
import org.autograd4j.examples.run.CsvFormat;
import picocli.CommandLine.Option;

/** The CSV layout options that {@code evaluate} and {@code predict} share; unset ones keep the model's layout. */
public final class CsvOptions {
    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The label column, a 0-based position or a header name (default: as in training).")
    private String label;

    @Option(names = "--ignore", paramLabel = "COLUMNS",
            description = "Columns to leave out, comma-separated (default: as in training).")
    private String ignore;

    @Option(names = "--no-header", description = "The file has no header row (default: as in training).")
    private Boolean noHeader;

    @Option(names = "--ignore-names", description = "Use the feature columns by position even when the header names"
            + " them differently from the model (or in another order, which is otherwise an error).")
    private boolean ignoreNames;

    /** Whether to use the columns by position whatever the header says. */
    public boolean ignoreNames() {
        return ignoreNames;
    }

    /** The model's layout with every option given in its place. */
    public CsvFormat apply(CsvFormat saved) {
        return new CsvFormat(noHeader != null ? !noHeader : saved.header(),
                label != null ? ColumnRef.parse(label) : saved.label(),
                ignore != null ? CsvFormat.parseColumns(ignore) : saved.ignore(), saved.labels());
    }
}
