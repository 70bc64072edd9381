package org.autograd4j.core;

import java.util.Arrays;

/** Small helpers on shapes ({@code int[]}, row-major) shared by the ops. */
final class Shapes {
    static final int[] SCALAR = new int[0];
    /** The most elements one tensor holds: the largest Java array the JVM reliably allocates. */
    static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    private Shapes() {
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Shapes print as {@code [2, 3]} in every message. */
    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    static String str(long[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * Converts a user-given shape, checking every dimension is non-negative and the element count fits a Java array.
     */
    static int[] fromLong(String op, long[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shape must not be null");
        }
        int[] out = new int[shape.length];
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException(op + ": dimensions must be >= 0, got " + str(shape));
            }
            n *= shape[i];
            if (n > MAX_SIZE || shape[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(op + ": shape " + str(shape)
                        + " has more elements than a tensor can hold (2^31 - 9)");
            }
            out[i] = (int) shape[i];
        }
        return out;
    }

    /**
     * Checks that a computed shape (a broadcast or a product's result) holds no more elements than a tensor can;
     * {@code what} names it in the message.
     */
    static void checkSize(String op, int[] shape, String what) {
        long n = 1;
        for (int d : shape) {
            n = Math.min(n * d, MAX_SIZE + 1);  // saturates, so a later 0 still makes the shape empty
        }
        if (n > MAX_SIZE) {
            throw new IllegalArgumentException(op + ": " + what + " " + str(shape)
                    + " has more elements than a tensor can hold (2^31 - 9)");
        }
    }

    static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }

    /** Row-major strides of a contiguous array of this shape. */
    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Resolves a possibly negative axis against a rank, as NumPy does; {@code op} names the caller in the message. */
    static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        return a;
    }

    /**
     * Resolves the position of a new axis, as {@code unsqueeze} and {@code stack} take it: from {@code -rank-1} to
     * {@code rank} for a tensor of rank {@code rank}, negative counting from the end.
     */
    static int newAxis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 0 || a > rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range [" + (-rank - 1) + ", "
                    + rank + "] for a new axis in a tensor of rank " + rank);
        }
        return a;
    }

    /** Product of the dimensions before {@code axis}. */
    static int outer(int[] shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** Product of the dimensions after {@code axis}. */
    static int inner(int[] shape, int axis) {
        int n = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** The shape with {@code axis} set to {@code size}. */
    static int[] with(int[] shape, int axis, int size) {
        int[] s = shape.clone();
        s[axis] = size;
        return s;
    }

    /** The shape without {@code axis}. */
    static int[] without(int[] shape, int axis) {
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                s[j++] = shape[i];
            }
        }
        return s;
    }

    /** The shape with a new axis of size {@code size} inserted at {@code axis}. */
    static int[] inserted(int[] shape, int axis, int size) {
        int[] s = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            s[i] = i == axis ? size : shape[j++];
        }
        return s;
    }
}
