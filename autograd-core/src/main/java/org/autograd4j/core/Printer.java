package org.autograd4j.core;

import java.util.Locale;

/** {@link Tensor#toString()}: values as nested brackets, elided past 1000 elements as PyTorch does. */
final class Printer {
    private static final int SUMMARY_THRESHOLD = 1000;
    private static final int EDGE = 3;

    private Printer() {
    }

    static String print(Tensor t) {
        StringBuilder sb = new StringBuilder("tensor(");
        boolean elide = t.data.length > SUMMARY_THRESHOLD;
        values(sb, t, 0, 0, elide);
        sb.append(", shape=").append(Shapes.str(t.shape)).append(", dtype=").append(t.dtype);
        if (t.node != null) {
            sb.append(", grad_fn=<").append(t.node.name()).append('>');
        } else if (t.requiresGrad) {
            sb.append(", requires_grad=true");
        }
        return sb.append(')').toString();
    }

    private static void values(StringBuilder sb, Tensor t, int axis, int offset, boolean elide) {
        if (axis == t.shape.length) {
            sb.append(number(t.data[offset]));
            return;
        }
        int n = t.shape[axis];
        int stride = Shapes.inner(t.shape, axis);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (elide && n > 2 * EDGE && i == EDGE) {
                sb.append("...");
                i = n - EDGE - 1;
                separator(sb, t, axis);
                continue;
            }
            values(sb, t, axis + 1, offset + i * stride, elide);
            if (i < n - 1) {
                separator(sb, t, axis);
            }
        }
        sb.append(']');
    }

    /** Elements of the last axis share a line; rows start a new line, aligned under the first bracket. */
    private static void separator(StringBuilder sb, Tensor t, int axis) {
        if (axis == t.shape.length - 1) {
            sb.append(", ");
        } else {
            sb.append(",\n").append(" ".repeat("tensor(".length() + axis + 1));
        }
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e8) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e8)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
