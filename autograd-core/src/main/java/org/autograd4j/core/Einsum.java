package org.autograd4j.core;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code einsum} for two operands with an explicit output, the contractions MLP and attention code writes
 * ({@code "ij,jk->ik"}, {@code "bi,oi->bo"}, {@code "bhqd,bhkd->bhqk"}, {@code "i,j->ij"}, {@code "i,i->"}), as a
 * composite: letters only in one operand and not in the output are summed first; then each operand is permuted to
 * [batch, free, contracted] and reshaped to 3-D, one batched {@link MatMul} contracts, and the result is reshaped
 * and permuted to the output's order. Gradients come from those ops. Not supported: repeated letters in one operand
 * (diagonals), "...", an implicit output, size-1 broadcasting of a letter.
 */
final class Einsum {
    private Einsum() {
    }

    static Tensor apply(String equation, Tensor x, Tensor y) {
        if (equation == null) {
            throw new IllegalArgumentException("einsum: equation must not be null");
        }
        String eq = equation.replace(" ", "");
        int arrow = eq.indexOf("->");
        if (arrow < 0) {
            throw new IllegalArgumentException("einsum: the equation must give its output explicitly, as in"
                    + " \"ij,jk->ik\", got \"" + equation + "\"");
        }
        String[] ins = eq.substring(0, arrow).split(",", -1);
        if (ins.length != 2) {
            throw new IllegalArgumentException("einsum: expects two operands, got " + ins.length + " in \""
                    + equation + "\"");
        }
        String out = eq.substring(arrow + 2);
        int[] sizes = new int[128];
        check(equation, ins[0], x, 0, sizes);
        check(equation, ins[1], y, 1, sizes);
        check(equation, out, null, 2, sizes);
        String a = ins[0];
        String b = ins[1];
        // letters in one operand only and not in the output are summed away first
        x = sumAway(x, a, b + out);
        a = keep(a, b + out);
        y = sumAway(y, b, a + out);
        b = keep(b, a + out);
        String batch = "";
        String free0 = "";
        String free1 = "";
        for (char c : out.toCharArray()) {
            boolean inA = a.indexOf(c) >= 0;
            boolean inB = b.indexOf(c) >= 0;
            if (inA && inB) {
                batch += c;
            } else if (inA) {
                free0 += c;
            } else {
                free1 += c;
            }
        }
        String contracted = "";
        for (char c : keep(a, b).toCharArray()) {
            contracted += out.indexOf(c) < 0 ? String.valueOf(c) : "";
        }
        Tensor left = toMatrices(x, a, batch, free0, contracted, sizes);
        Tensor right = toMatrices(y, b, batch, contracted, free1, sizes);
        Tensor product = MatMul.matmul(left, right);
        String order = batch + free0 + free1;
        Tensor r = Reshape.apply(product, dims(order, sizes));
        int[] perm = new int[out.length()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = order.indexOf(out.charAt(i));
        }
        return Permute.apply(r, perm);
    }

    /** Letters, one per axis, each once, each of one size wherever it appears; output letters from the operands. */
    private static void check(String equation, String letters, Tensor t, int which, int[] sizes) {
        String name = which == 2 ? "the output" : "operand " + which;
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("einsum: '" + c + "' in " + name + " of \"" + equation
                        + "\" is not a letter (\"...\" is not supported)");
            }
            if (letters.indexOf(c) != i) {
                throw new IllegalArgumentException("einsum: letter '" + c + "' repeats in " + name + " of \""
                        + equation + "\"; diagonals and traces are not supported");
            }
            if (t == null) {
                if (sizes[c] == 0) {
                    throw new IllegalArgumentException("einsum: output letter '" + c + "' of \"" + equation
                            + "\" appears in no operand");
                }
                continue;
            }
            if (letters.length() != t.shape.length) {
                throw new IllegalArgumentException("einsum: " + name + " has " + letters.length() + " letters \""
                        + letters + "\" but shape " + Shapes.str(t.shape));
            }
            int size = t.shape[i] + 1;  // stored plus one, so that 0 means "not seen"
            if (sizes[c] != 0 && sizes[c] != size) {
                throw new IllegalArgumentException("einsum: letter '" + c + "' has size " + (sizes[c] - 1)
                        + " and " + (size - 1) + " in \"" + equation + "\"");
            }
            sizes[c] = size;
        }
    }

    /** The letters of {@code s} that appear in {@code others}, in order. */
    private static String keep(String s, String others) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (others.indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Tensor sumAway(Tensor t, String letters, String others) {
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            if (others.indexOf(letters.charAt(i)) < 0) {
                axes.add(i);
            }
        }
        return axes.isEmpty() ? t : Sum.apply(t, axes.stream().mapToInt(Integer::intValue).toArray(), false);
    }

    /** {@code t} (axes named by {@code letters}) permuted to [g0, g1, g2] and reshaped to their three sizes. */
    private static Tensor toMatrices(Tensor t, String letters, String g0, String g1, String g2, int[] sizes) {
        String order = g0 + g1 + g2;
        int[] perm = new int[order.length()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = letters.indexOf(order.charAt(i));
        }
        Tensor moved = Permute.apply(t, perm);
        return Reshape.apply(moved, new int[] {Shapes.size(dims(g0, sizes)), Shapes.size(dims(g1, sizes)),
            Shapes.size(dims(g2, sizes))});
    }

    private static int[] dims(String letters, int[] sizes) {
        int[] d = new int[letters.length()];
        for (int i = 0; i < d.length; i++) {
            d[i] = sizes[letters.charAt(i)] - 1;
        }
        return d;
    }
}
