package org.autograd4j.nn;

import java.util.Arrays;
import org.autograd4j.core.Tensor;

/** Argument checks shared by the layers and losses; messages name the class or op, the problem, then the values. */
final class Checks {
    private Checks() {
    }

    /** Returns {@code x}, or throws if it is null. */
    static Tensor input(String op, Tensor x) {
        if (x == null) {
            throw new IllegalArgumentException(op + ": input must not be null");
        }
        return x;
    }

    /** Checks that {@code axis} (negative counts from the end) is valid for {@code x}. */
    static void axis(String op, int axis, Tensor x) {
        input(op, x);
        int r = x.rank();
        if (axis < -r || axis >= r) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for input of shape "
                    + shape(x));
        }
    }

    /** A shape as {@code [2, 3]}. */
    static String shape(Tensor x) {
        return Arrays.toString(x.shape());
    }

    /** Checks that two tensors have the same shape (no broadcasting: {@code [n, 1]} against {@code [n]} is a bug). */
    static void sameShape(String op, String what, Tensor prediction, Tensor target) {
        input(op, prediction);
        if (target == null) {
            throw new IllegalArgumentException(op + ": target must not be null");
        }
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": " + what + " has shape " + shape(prediction)
                    + " but target has shape " + shape(target) + "; they must be equal");
        }
    }

    /** Checks a probability-like rate {@code p} in [0, 1). */
    static double rate(String op, String name, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(op + ": " + name + " must be in [0, 1), got " + p);
        }
        return p;
    }
}
