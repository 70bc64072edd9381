package org.autograd4j.examples.cli;

import org.autograd4j.examples.data.ColumnRef;
import org.autograd4j.examples.cli.run.CsvFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The CSV layout options that {@code evaluate} and {@code predict} share; unset ones keep the model's layout. */
public final class CsvOptions {
    @Mixin
    private ColumnOptions columns;

    @Option(names = "--ignore-names", description = "Use the feature columns by position even when the header names"
            + " them differently from the model (or in another order, which is otherwise an error).")
    private boolean ignoreNames;

    /**
     * Whether to use the columns by position whatever the header says.
     *
     * @return true if {@code --ignore-names} was given
     */
    public boolean ignoreNames() {
        return ignoreNames;
    }

    /**
     * The model's layout with every option given in its place.
     *
     * @param saved the layout stored with the model
     * @return a new layout
     */
    public CsvFormat apply(CsvFormat saved) {
        return new CsvFormat(columns.header().orElse(saved.header()),
                columns.label().map(ColumnRef::parse).orElse(saved.label()),
                columns.ignore().map(CsvFormat::parseColumns).orElse(saved.ignore()), saved.labels());
    }
}
