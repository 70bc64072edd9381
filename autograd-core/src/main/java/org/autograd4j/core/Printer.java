package org.autograd4j.core;

import java.util.Locale;

/**
 * {@link Tensor#toString()}: values as nested brackets, elided past 1000 elements, as PyTorch prints them.
 *
 * <p>As in PyTorch, one format serves the whole tensor and is chosen from the values shown: whole numbers print with
 * one decimal ({@code 1.0}), others with four ({@code 1.2500}), and scientific notation ({@code 1.0000e-05}) is used
 * when the non-zero magnitudes span more than a factor 1000, or one is below 1e-4 or above 1e8. Values are padded to
 * one width so columns line up; NaN and infinities print as {@code nan}, {@code inf}, {@code -inf}. INT64 values print
 * as integers, without a decimal point ({@code tensor([ 2, -1])}), as PyTorch prints int64.
 */
final class Printer {
    private static final int SUMMARY_THRESHOLD = 1000;
    private static final int EDGE = 3;
    private static final String PREFIX = "tensor(";

    private Printer() {
    }

    static String print(Tensor t) {
        boolean elide = t.length() > SUMMARY_THRESHOLD;
        int[] shown = new int[t.length()];
        int count = visit(t, 0, 0, elide, shown, 0);
        String[] text = t.dtype == DType.INT64 ? integers(t.data, shown, count) : format(t.values(), shown, count);
        int width = 0;
        for (String s : text) {
            width = Math.max(width, s.length());
        }
        StringBuilder sb = new StringBuilder(PREFIX);
        write(sb, t, 0, elide, text, new int[1], width);
        sb.append(", shape=").append(Shapes.str(t.shape)).append(", dtype=").append(t.dtype);
        if (t.node != null) {
            sb.append(", grad_fn=<").append(t.node.name()).append('>');
        } else if (t.requiresGrad) {
            sb.append(", requires_grad=true");
        }
        return sb.append(')').toString();
    }

    /** Collects the offsets of the values that will be printed, in printing order; returns the new count. */
    private static int visit(Tensor t, int axis, int offset, boolean elide, int[] shown, int count) {
        if (axis == t.shape.length) {
            shown[count] = offset;
            return count + 1;
        }
        int n = t.shape[axis];
        int stride = Shapes.inner(t.shape, axis);
        for (int i = 0; i < n; i++) {
            if (elide && n > 2 * EDGE && i == EDGE) {
                i = n - EDGE;
            }
            count = visit(t, axis + 1, offset + i * stride, elide, shown, count);
        }
        return count;
    }

    private static void write(StringBuilder sb, Tensor t, int axis, boolean elide, String[] text, int[] next,
            int width) {
        if (axis == t.shape.length) {
            String s = text[next[0]++];
            sb.append(" ".repeat(width - s.length())).append(s);
            return;
        }
        int n = t.shape[axis];
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (elide && n > 2 * EDGE && i == EDGE) {
                sb.append("...");
                i = n - EDGE - 1;
                separator(sb, t, axis);
                continue;
            }
            write(sb, t, axis + 1, elide, text, next, width);
            if (i < n - 1) {
                separator(sb, t, axis);
            }
        }
        sb.append(']');
    }

    /**
     * Elements of the last axis share a line; rows start a new line, aligned under the first bracket, and blocks of
     * higher axes are set apart by one more empty line per axis, as in PyTorch.
     */
    private static void separator(StringBuilder sb, Tensor t, int axis) {
        int below = t.shape.length - 1 - axis;
        if (below == 0) {
            sb.append(", ");
        } else {
            sb.append(',').append("\n".repeat(below)).append(" ".repeat(PREFIX.length() + axis + 1));
        }
    }

    /** The shown values of an INT64 tensor, as integers. */
    private static String[] integers(double[] data, int[] shown, int count) {
        String[] text = new String[count];
        for (int i = 0; i < count; i++) {
            text[i] = Long.toString((long) data[shown[i]]);
        }
        return text;
    }

    /** The shown values in the one format PyTorch's rule picks for them (see the class note). */
    private static String[] format(double[] data, int[] shown, int count) {
        boolean whole = true;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < count; i++) {
            double v = data[shown[i]];
            if (Double.isFinite(v)) {
                whole &= v == Math.rint(v);
                double a = Math.abs(v);
                if (a != 0) {
                    min = Math.min(min, a);
                    max = Math.max(max, a);
                }
            }
        }
        boolean sci = max > 0 && (max / min > 1000 || max > 1e8 || (!whole && min < 1e-4));
        String pattern = sci ? "%.4e" : whole ? "%.1f" : "%.4f";
        String[] text = new String[count];
        for (int i = 0; i < count; i++) {
            double v = data[shown[i]];
            text[i] = Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf")
                    : String.format(Locale.ROOT, pattern, v);
        }
        return text;
    }
}
