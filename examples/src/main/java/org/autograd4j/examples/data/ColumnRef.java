package org.autograd4j.examples.data;

import java.util.List;
import org.autograd4j.nn.data.Csv;

/**
 * A column named on the command line: a 0-based position (negative counts from the end, {@code -1} is the last
 * column) or a header name.
 *
 * @param index the position, used when {@code name} is null
 * @param name  the header name, or null
 */
public record ColumnRef(int index, String name) {
    /** The last column. */
    public static final ColumnRef LAST = new ColumnRef(-1, null);

    /**
     * Parses {@code "3"}, {@code "-1"} or {@code "species"}.
     *
     * @param text a position (negative from the end) or a header name
     * @return the column
     */
    public static ColumnRef parse(String text) {
        String t = text.strip();
        if (t.matches("-?\\d+")) {
            return new ColumnRef(Integer.parseInt(t), null);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a column must be a position or a header name, got ''");
        }
        return new ColumnRef(0, t);
    }

    /**
     * The position of this column among {@code names}.
     *
     * @param names the file's column names
     * @param source names the file in the message
     * @param option the command-line option that named the column ({@code --label}), for the message
     * @return the 0-based position
     * @throws IllegalArgumentException naming the option and the file if there is no such column
     */
    public int resolve(List<String> names, String source, String option) {
        if (name != null) {
            int i = names.indexOf(name);
            if (i < 0) {
                String shown = name.length() <= 40 ? name : name.substring(0, 37) + "...";
                throw new IllegalArgumentException(option + ": " + source + " has no column named '" + shown
                        + "' (its columns: " + list(names) + ")");
            }
            return i;
        }
        int i = index < 0 ? names.size() + index : index;
        if (i < 0 || i >= names.size()) {
            throw new IllegalArgumentException(option + ": column " + index + " is out of range: " + source
                    + " has " + names.size() + " columns");
        }
        return i;
    }

    /** The first six names, then how many more. */
    private static String list(List<String> names) {
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 6)) + ", ... (" + names.size() + " in all)";
    }

    /**
     * Sets this column as the label column of a CSV reader.
     *
     * @param csv the reader's builder
     * @return {@code csv}
     */
    public Csv.Builder asLabel(Csv.Builder csv) {
        return name != null ? csv.labelColumn(name) : csv.labelColumn(index);
    }

    /** As written on the command line. */
    @Override
    public String toString() {
        return name != null ? name : Integer.toString(index);
    }
}
