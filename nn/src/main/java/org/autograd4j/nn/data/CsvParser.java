package org.autograd4j.nn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/** One reading of a CSV source with the options of a {@link Csv.Builder}. */
final class CsvParser {
    private final String source;
    private final boolean header;
    private final char delimiter;
    private final int labelIndex;
    private final String labelName;
    private final int[] ignoredIndices;
    private final String[] ignoredNames;
    private final String[] classes;
    private final DType dtype;

    CsvParser(String source, boolean header, char delimiter, int labelIndex, String labelName, int[] ignoredIndices,
            String[] ignoredNames, String[] classes, DType dtype) {
        this.source = source;
        this.header = header;
        this.delimiter = delimiter;
        this.labelIndex = labelIndex;
        this.labelName = labelName;
        this.ignoredIndices = ignoredIndices;
        this.ignoredNames = ignoredNames;
        this.classes = classes;
        this.dtype = dtype == null ? DType.FLOAT32 : dtype;
    }

    Csv.Table parse(BufferedReader in) throws IOException {
        List<String> names = null;
        int[] featureColumns = null;
        int label = -1;
        List<double[]> rows = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        List<Integer> labelLines = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = Csv.split(line, delimiter, source, lineNumber);
            if (names == null) {
                names = header ? fields : defaultNames(fields.size());
                label = labelColumn(names);
                featureColumns = featureColumns(names, label);
                if (header) {
                    continue;
                }
            }
            if (fields.size() != names.size()) {
                throw error(lineNumber, "expected " + names.size() + " fields but found " + fields.size());
            }
            double[] row = new double[featureColumns.length];
            for (int j = 0; j < row.length; j++) {
                int c = featureColumns[j];
                row[j] = number(fields.get(c), lineNumber, names.get(c), c);
            }
            String y = fields.get(label);
            if (Csv.isMissing(y)) {
                throw error(lineNumber, "column '" + names.get(label) + "' (" + label + "): missing label '" + y + "'");
            }
            rows.add(row);
            rawLabels.add(y);
            labelLines.add(lineNumber);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Csv: " + source + " has no data rows");
        }
        List<String> classNames = new ArrayList<>();
        double[] labels = labels(rawLabels, labelLines, classNames);
        double[] x = new double[rows.size() * featureColumns.length];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * featureColumns.length, featureColumns.length);
        }
        Tensor features = Tensor.of(x, rows.size(), featureColumns.length).to(dtype);
        List<String> featureNames = new ArrayList<>();
        for (int c : featureColumns) {
            featureNames.add(names.get(c));
        }
        Dataset data = new Dataset(features, Tensor.of(labels, labels.length).to(dtype));
        return new Csv.Table(data, featureNames, classNames, labelLines);
    }

    private static List<String> defaultNames(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("column" + i);
        }
        return out;
    }

    private int labelColumn(List<String> names) {
        if (labelName != null) {
            if (!header) {
                throw new IllegalArgumentException("Csv: " + source + ": label column '" + labelName
                        + "' is given by name but the file has no header; give its index instead");
            }
            return column(names, labelName);
        }
        int c = labelIndex < 0 ? labelIndex + names.size() : labelIndex;
        if (c < 0 || c >= names.size()) {
            throw new IllegalArgumentException("Csv: " + source + ": label column " + labelIndex
                    + " is out of range for " + names.size() + " columns");
        }
        return c;
    }

    private int column(List<String> names, String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("Csv: " + source + " has no column '" + name + "'; columns are "
                    + names);
        }
        return c;
    }

    private int[] featureColumns(List<String> names, int label) {
        boolean[] drop = new boolean[names.size()];
        drop[label] = true;
        for (int c : ignoredIndices) {
            if (c < 0 || c >= names.size()) {
                throw new IllegalArgumentException("Csv: " + source + ": ignored column " + c
                        + " is out of range for " + names.size() + " columns");
            }
            drop[c] = true;
        }
        for (String name : ignoredNames) {
            if (!header) {
                throw new IllegalArgumentException("Csv: " + source + ": ignored column '" + name
                        + "' is given by name but the file has no header");
            }
            drop[column(names, name)] = true;
        }
        int[] out = java.util.stream.IntStream.range(0, names.size()).filter(c -> !drop[c]).toArray();
        if (out.length == 0) {
            throw new IllegalArgumentException("Csv: " + source + ": no feature column is left after the label and "
                    + "the ignored columns");
        }
        return out;
    }

    private double number(String field, int lineNumber, String name, int column) {
        if (Csv.isMissing(field)) {
            throw error(lineNumber, "column '" + name + "' (" + column + "): missing value '" + field + "'");
        }
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw error(lineNumber, "column '" + name + "' (" + column + "): '" + Csv.cut(field)
                    + "' is not a finite number");
        }
        checkFits(v, lineNumber, "column '" + name + "' (" + column + "): '" + Csv.cut(field) + "'");
        return v;
    }

    /** A finite double that the dtype cannot hold (3.5e38 in FLOAT32 would become Infinity) is an error. */
    private void checkFits(double v, int lineNumber, String what) {
        if (dtype == DType.FLOAT32 && Float.isInfinite((float) v)) {
            throw error(lineNumber, what + " is too large for float32 (the largest magnitude is "
                    + Float.MAX_VALUE + ")");
        }
    }

    /** Numeric labels as they are; otherwise string labels as class indices (given order, or sorted). */
    private double[] labels(List<String> raw, List<Integer> lines, List<String> classNames) {
        double[] out = new double[raw.size()];
        if (classes == null) {
            boolean numeric = true;
            for (int i = 0; i < out.length && numeric; i++) {
                try {
                    out[i] = Double.parseDouble(raw.get(i));
                    numeric = Double.isFinite(out[i]);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            if (numeric) {
                for (int i = 0; i < out.length; i++) {
                    checkFits(out[i], lines.get(i), "label '" + Csv.cut(raw.get(i)) + "'");
                }
                return out;
            }
            classNames.addAll(new TreeSet<>(raw));
        } else {
            classNames.addAll(Arrays.asList(classes));
        }
        Map<String, Integer> index = new HashMap<>();
        for (String name : classNames) {
            index.putIfAbsent(name, index.size());
        }
        for (int i = 0; i < out.length; i++) {
            Integer c = index.get(raw.get(i));
            if (c == null) {
                throw error(lines.get(i), "label '" + Csv.cut(raw.get(i)) + "' is not one of the classes "
                        + Csv.cut(classNames.toString()));
            }
            out[i] = c;
        }
        return out;
    }

    private IllegalArgumentException error(int lineNumber, String problem) {
        return new IllegalArgumentException("Csv: " + source + " line " + lineNumber + ": " + problem);
    }
}
