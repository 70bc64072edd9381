package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.core.Tensor;

/** Argument checks shared by the optimizers, clipping and schedulers; each message names the operation and value. */
final class Check {
    private Check() {
    }

    /**
     * The parameters as an unmodifiable list, after checking that there is at least one, that none is null or
     * repeated, and that each is a leaf. A leaf that does not require a gradient (a frozen parameter) is accepted, as
     * PyTorch accepts it, and skipped by every step while it stays frozen.
     */
    static List<Tensor> parameters(String op, List<Tensor> params) {
        if (params == null) {
            throw new IllegalArgumentException(op + ": parameter list is null");
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException(op + ": parameter list is empty");
        }
        Map<Tensor, Integer> seen = new IdentityHashMap<>();
        List<Tensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p == null) {
                throw new IllegalArgumentException(op + ": parameter " + i + " is null");
            }
            Integer first = seen.putIfAbsent(p, i);
            if (first != null) {
                throw new IllegalArgumentException(op + ": parameter " + i + " is the same tensor as parameter "
                        + first + "; pass each parameter once");
            }
            if (!p.isLeaf()) {
                throw new IllegalArgumentException(op + ": parameter " + i + " is not a leaf (it was produced by "
                        + p.gradFn() + "); optimizers update leaves only");
            }
            out.add(p);
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code v}, which must be finite and {@code > 0}. */
    static double positive(String op, String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(op + ": " + name + " must be > 0, got " + v);
        }
        return finite(op, name, v);
    }

    /** {@code v}, which must be finite and {@code >= 0}. */
    static double nonNegative(String op, String name, double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(op + ": " + name + " must be >= 0, got " + v);
        }
        return finite(op, name, v);
    }

    /** {@code v}, which must lie in {@code [0, 1)} (a decay rate such as Adam's betas). */
    static double unitInterval(String op, String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(op + ": " + name + " must be in [0, 1), got " + v);
        }
        return v;
    }

    /** {@code v}, which must lie in {@code [0, 1]}. */
    static double fraction(String op, String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(op + ": " + name + " must be in [0, 1], got " + v);
        }
        return v;
    }

    /** {@code v}, which must be at least {@code min}. */
    static int atLeast(String op, String name, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(op + ": " + name + " must be >= " + min + ", got " + v);
        }
        return v;
    }

    /** {@code v}, which must not be null. */
    static <T> T notNull(String op, String name, T v) {
        if (v == null) {
            throw new IllegalArgumentException(op + ": " + name + " is null");
        }
        return v;
    }

    /** The value stored under {@code key} in a scheduler's state. */
    static double value(String op, Map<String, Double> state, String key) {
        Double v = notNull(op, "state", state).get(key);
        if (v == null) {
            throw new IllegalArgumentException(op + ": \"" + key + "\" is missing");
        }
        return v;
    }

    /** A counter stored under {@code key}: a whole number in {@code [0, Integer.MAX_VALUE]}. */
    static int count(String op, Map<String, Double> state, String key) {
        double v = value(op, state, key);
        if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
            throw new IllegalArgumentException(op + ": \"" + key + "\" must be a non-negative whole number, got " + v);
        }
        return (int) v;
    }

    private static double finite(String op, String name, double v) {
        if (v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(op + ": " + name + " must be finite, got " + v);
        }
        return v;
    }
}
