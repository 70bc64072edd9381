package org.autograd4j.nn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.autograd4j.core.DType;

/**
 * Reads a numeric CSV file into a {@link Dataset}: every column is a feature except one label column and any ignored
 * columns.
 *
 * <p>Defaults: a header row, {@code ','} as the separator, the label in the last column, FLOAT32 tensors. Fields may
 * be quoted with {@code "} (no line breaks inside quotes); blank lines are skipped; surrounding spaces are trimmed.
 * Labels that are all numbers are kept as numbers (class indices or regression targets); otherwise each distinct
 * string becomes a class index, in sorted order unless {@link Builder#classes(String...)} fixes the order.
 *
 * <p>Errors name the file and the 1-based line: a row with the wrong number of fields, a field that is not a finite
 * number, a number too large for the dtype ({@code 3.5e38} in FLOAT32), or a missing value (an empty field,
 * {@code NA}, {@code N/A}, {@code NaN}, {@code null} or {@code ?}) is an {@link IllegalArgumentException} such as
 * {@code Csv: data.csv line 7: expected 5 fields but found 4}; so is a file that is not UTF-8 or is a directory.
 *
 * <pre>{@code
 * Csv.Table t = Csv.read(Path.of("iris.csv"));            // header, label last
 * Csv.Table w = Csv.builder().header(false).ignoreColumns(0).labelColumn(1) // UCI wdbc.data: id, M/B, 30 features
 *         .classes("B", "M").read(Path.of("wdbc_uci_data.csv"));
 * w.dataset().labels();                                    // 0 for B, 1 for M
 * }</pre>
 */
public final class Csv {
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "?");

    private Csv() {
    }

    /**
     * What was read.
     *
     * @param dataset      features {@code [n, d]} and labels {@code [n]}
     * @param featureNames the {@code d} feature column names (from the header, or {@code column0}, ... without one)
     * @param classNames   the label string of each class index when labels were strings; empty for numeric labels
     * @param rowLines     the 1-based file line of each data row, for messages about a row found later
     */
    public record Table(Dataset dataset, List<String> featureNames, List<String> classNames, List<Integer> rowLines) {
        /**
         * Copies the lists.
         *
         * @param dataset the rows read
         * @param featureNames the feature columns' names, in order; copied
         * @param classNames the class names in class-index order, or empty for numeric labels; copied
         * @param rowLines the file line of each row, for messages; copied
         */
        public Table {
            featureNames = List.copyOf(featureNames);
            classNames = List.copyOf(classNames);
            rowLines = List.copyOf(rowLines);
        }
    }

    /**
     * Reads {@code file} with the defaults (header, label in the last column, FLOAT32).
     *
     * @param file a UTF-8 CSV file
     * @return the rows with the column and class names
     */
    public static Table read(Path file) {
        return builder().read(file);
    }

    /**
     * Options for reading; {@link Builder#read(Path)} reads.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Reading options, set fluently, then {@link #read(Path)}. */
    public static final class Builder {
        private boolean header = true;
        private char delimiter = ',';
        private int labelIndex = -1;
        private String labelName;
        private int[] ignoredIndices = new int[0];
        private String[] ignoredNames = new String[0];
        private String[] classes;
        private DType dtype = DType.FLOAT32;

        private Builder() {
        }

        /**
         * Whether the first non-blank line holds column names (default true).
         *
         * @param header whether the first line is a header
         * @return this builder
         */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /**
         * The field separator (default {@code ','}).
         *
         * @param delimiter the separator character, not a quote or a line break
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /**
         * The label column by 0-based position; negative counts from the end (default -1: the last column).
         *
         * @param index the column's position, from {@code -columns} to {@code columns - 1}
         * @return this builder
         */
        public Builder labelColumn(int index) {
            this.labelIndex = index;
            this.labelName = null;
            return this;
        }

        /**
         * The label column by its header name (needs a header).
         *
         * @param name the column's name in the header
         * @return this builder
         */
        public Builder labelColumn(String name) {
            this.labelName = name;
            return this;
        }

        /**
         * Columns to drop by 0-based position (an id column, say).
         *
         * @param indices 0-based column positions
         * @return this builder
         */
        public Builder ignoreColumns(int... indices) {
            this.ignoredIndices = indices.clone();
            return this;
        }

        /**
         * Columns to drop by header name.
         *
         * @param names column names in the header
         * @return this builder
         */
        public Builder ignoreColumns(String... names) {
            this.ignoredNames = names.clone();
            return this;
        }

        /**
         * String labels in class-index order: {@code classes("B", "M")} maps B to 0 and M to 1; any other label is an
         * error naming its line.
         *
         * @param names the label strings, the first for class 0
         * @return this builder
         */
        public Builder classes(String... names) {
            if (names.length == 0 || new java.util.HashSet<>(List.of(names)).size() != names.length) {
                throw new IllegalArgumentException("Csv.classes: class names must be distinct and at least one, got "
                        + List.of(names));
            }
            this.classes = names.clone();
            return this;
        }

        /**
         * The dtype of the tensors produced (default FLOAT32; FLOAT64 for numerical checks).
         *
         * @param dtype the element type, not null
         * @return this builder
         */
        public Builder dtype(DType dtype) {
            this.dtype = dtype;
            return this;
        }

        /**
         * Reads a UTF-8 file.
         *
         * @param file the file to read
         * @return the rows with the column and class names
         * @throws IllegalArgumentException naming the file and line for malformed content, a file that is not UTF-8,
         *                                  or a directory
         * @throws UncheckedIOException     if the file cannot be read
         */
        public Table read(Path file) {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException("Csv: " + file + " is a directory, not a CSV file");
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(in, file.toString());
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("Csv: " + file + " is not UTF-8 text (save it as UTF-8)", e);
            } catch (IOException e) {
                throw new UncheckedIOException("Csv: cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        /**
         * Reads CSV text from {@code in} (not closed); {@code source} names it in messages.
         *
         * @param in the CSV text
         * @param source the name of the text in error messages, e.g. a file name
         * @return the rows with the column and class names
         * @throws IllegalArgumentException naming the source and line for malformed content
         * @throws IOException if reading {@code in} fails
         */
        public Table read(Reader in, String source) throws IOException {
            return new CsvParser(source, header, delimiter, labelIndex, labelName, ignoredIndices, ignoredNames,
                    classes, dtype).parse(in instanceof BufferedReader b ? b : new BufferedReader(in));
        }
    }

    /** {@code text} for a message: at most 40 characters, cut with "..." (a field may be a whole paragraph). */
    static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Whether a field denotes a missing value. */
    static boolean isMissing(String field) {
        return MISSING.contains(field.toLowerCase(Locale.ROOT));
    }

    /** Splits one line into trimmed fields; {@code "} quotes a field and {@code ""} is a quote inside one. */
    static List<String> split(String line, char delimiter, String source, int lineNumber) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Csv: " + source + " line " + lineNumber + ": unclosed quote");
        }
        out.add(field.toString().trim());
        return out;
    }
}
