package org.autograd4j.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a CSV file as text, for tools that must copy rows unchanged (the {@code split} command): blank lines
 * are skipped, the optional header is kept apart, and every row must have as many fields as the first line.
 *
 * @param header the header line, or null without one
 * @param names  the column names (from the header, or {@code column0, column1, ...})
 * @param rows   the data rows in file order
 */
public record CsvLines(String header, List<String> names, List<Row> rows) {
    /**
     * One data row.
     *
     * @param line   its 1-based line number in the file
     * @param text   the line as written
     * @param fields its fields, unquoted and trimmed
     */
    public record Row(int line, String text, List<String> fields) {
    }

    /**
     * Reads a UTF-8 CSV file.
     *
     * @param file the file
     * @param hasHeader whether the first non-blank line names the columns
     * @return the header and the rows
     * @throws IllegalArgumentException naming the file (and line) if it is missing, a directory, not UTF-8, empty or
     *                                  has a malformed row
     */
    public static CsvLines read(Path file, boolean hasHeader) {
        requireFile(file);
        String header = null;
        List<String> names = null;
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                List<String> fields = split(text, file, line);
                if (names == null) {
                    names = hasHeader ? fields : defaultNames(fields.size());
                    if (hasHeader) {
                        header = text;
                        continue;
                    }
                }
                if (fields.size() != names.size()) {
                    throw new IllegalArgumentException(file + " line " + line + ": expected " + names.size()
                            + " fields but found " + fields.size());
                }
                rows.add(new Row(line, text, fields));
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(notUtf8(file), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no data rows");
        }
        return new CsvLines(header, names, List.copyOf(rows));
    }

    /**
     * The column names of a CSV file: its header's fields, or {@code column0, column1, ...} as many as the first row
     * has fields; read from the first non-blank line only.
     *
     * @param file the file
     * @param hasHeader whether the first non-blank line names the columns
     * @return the names, in order
     * @throws IllegalArgumentException if the file cannot be read, is not UTF-8 or has no line
     */
    public static List<String> columnNames(Path file, boolean hasHeader) {
        requireFile(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    List<String> fields = split(text, file, line);
                    return hasHeader ? fields : defaultNames(fields.size());
                }
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(notUtf8(file), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(file + ": no data rows");
    }

    /**
     * Checks that {@code file} is a readable regular file.
     *
     * @param file the path to check
     * @throws IllegalArgumentException saying "no such file" or "is a directory"
     */
    public static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
    }

    /**
     * The message for a file whose bytes are not UTF-8.
     *
     * @param file the file
     * @return the message
     */
    public static String notUtf8(Path file) {
        return file + " is not UTF-8 text (save it as UTF-8)";
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("column" + i);
        }
        return names;
    }

    /** Splits on commas; {@code "} quotes a field (with {@code ""} for a quote inside it). */
    static List<String> split(String text, Path file, int line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"' && (quoted || field.toString().isBlank())) {
                quoted = !quoted;
                if (quoted) {
                    field.setLength(0);
                }
            } else if (c == ',' && !quoted) {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + " line " + line + ": unclosed quote");
        }
        out.add(field.toString().trim());
        return out;
    }
}
