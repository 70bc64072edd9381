package org.autograd4j.examples.cli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autograd4j.core.DType;
import org.autograd4j.examples.data.ColumnRef;
import org.autograd4j.examples.data.CsvLines;
import org.autograd4j.nn.data.Csv;

/**
 * How a CSV file is laid out: whether it has a header, which column holds the label and which columns to ignore.
 * A trained model remembers its format (see {@link ModelMeta}) so that {@code evaluate} and {@code predict} read new
 * files the same way.
 *
 * @param header whether the first line names the columns
 * @param label  the label column
 * @param ignore columns that are neither features nor label (an id, say)
 * @param labels the label strings in class-index order when the labels are text (e.g. {@code B, M}), so that every
 *               file maps them alike; empty for numeric labels
 */
public record CsvFormat(boolean header, ColumnRef label, List<ColumnRef> ignore, List<String> labels) {
    /** A header, the label in the last column, nothing ignored, numeric labels: the shipped datasets' layout. */
    public static final CsvFormat DEFAULT = new CsvFormat(true, ColumnRef.LAST, List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @param header whether the first line names the columns
     * @param label the label column
     * @param ignore columns that are neither features nor label (an id, say)
     * @param labels the label strings in class-index order when the labels are text (e.g. {@code B, M}), so that every
     *              file maps them alike; empty for numeric labels
     */
    public CsvFormat {
        ignore = List.copyOf(ignore);
        labels = List.copyOf(labels);
    }

    /**
     * This layout with the text labels fixed in the given order.
     *
     * @param classes the text labels, the first for class 0
     * @return a new layout
     */
    public CsvFormat withLabels(List<String> classes) {
        return new CsvFormat(header, label, ignore, classes);
    }

    /**
     * Reads {@code file} in this format (text labels not in {@link #labels()}, when that is set, are an error).
     *
     * @param file the CSV file
     * @return the rows and names read
     * @throws IllegalArgumentException naming the file (and line) if it is missing or malformed
     */
    public Csv.Table read(Path file) {
        CsvLines.requireFile(file);
        List<String> columns = CsvLines.columnNames(file, header);
        label.resolve(columns, file.toString(), "--label");
        for (ColumnRef c : ignore) {
            c.resolve(columns, file.toString(), "--ignore");
        }
        Csv.Builder csv = label.asLabel(Csv.builder().header(header).dtype(DType.FLOAT32));
        List<Integer> indices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ColumnRef c : ignore) {
            if (c.name() != null) {
                names.add(c.name());
            } else {
                indices.add(c.index());
            }
        }
        csv.ignoreColumns(indices.stream().mapToInt(Integer::intValue).toArray());
        csv.ignoreColumns(names.toArray(String[]::new));
        if (!labels.isEmpty()) {
            csv.classes(labels.toArray(String[]::new));
        }
        return csv.read(file);
    }

    /**
     * The ignored columns as written on the command line, comma-separated.
     *
     * @return the columns, or an empty string for none
     */
    public String ignoreText() {
        return String.join(",", ignore.stream().map(ColumnRef::toString).toList());
    }

    /**
     * Parses a comma-separated list of columns (empty for none).
     *
     * @param text positions or names separated by commas
     * @return the columns, in order
     */
    public static List<ColumnRef> parseColumns(String text) {
        List<ColumnRef> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                out.add(ColumnRef.parse(part));
            }
        }
        return out;
    }
}
