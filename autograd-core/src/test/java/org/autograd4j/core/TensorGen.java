package org.autograd4j.core;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators shared by the {@code *Properties} classes: shapes of rank 0 to 3 with axes of 1 to
 * {@link #MAX_DIM}, broadcast-compatible shape tuples, and FLOAT64 leaf tensors whose values stay away from kinks and
 * domain edges. Every generated tensor prints its shape and its values in full (see {@link #describe}), so a shrunk
 * failure can be pasted back into a test. A failure also prints QuickTheories' seed; rerun with {@code -DQT_SEED=<seed>}
 * to replay it.
 */
final class TensorGen {
    /** The largest size of an axis: keeps every example (and the whole suite) small and fast. */
    static final int MAX_DIM = 4;

    private TensorGen() {
    }

    // ---------------------------------------------------------------- values

    /** Uniform in [lo, hi]. */
    static Gen<Double> uniform(double lo, double hi) {
        return doubles().between(lo, hi);
    }

    /** A magnitude in [minAbs, maxAbs] with either sign: keeps values at least {@code minAbs} away from 0. */
    static Gen<Double> signed(double minAbs, double maxAbs) {
        return booleans().all().zip(doubles().between(minAbs, maxAbs), (neg, m) -> neg ? -m : m);
    }

    /**
     * A point of the grid {@code offset + k/2} (k in [-4, 3]) moved by at most 0.05: values drawn with offsets 0 and
     * 0.25 are never closer than 0.15, so {@code maximum}, {@code clamp} and friends never see a tie or a kink.
     */
    static Gen<Double> grid(double offset) {
        return integers().between(-4, 3).zip(doubles().between(-0.05, 0.05), (k, jitter) -> offset + k * 0.5 + jitter);
    }

    // ---------------------------------------------------------------- shapes

    /** A shape of rank {@code minRank} to {@code maxRank}, each axis 1 to {@link #MAX_DIM} (shrinking to 1). */
    static Gen<int[]> shapes(int minRank, int maxRank) {
        return integers().between(minRank, maxRank).flatMap(TensorGen::shapeOfRank);
    }

    static Gen<int[]> shapeOfRank(int rank) {
        return Generate.intArrays(Generate.constant(rank), integers().between(1, MAX_DIM));
    }

    /**
     * {@code count} shapes that broadcast together: each is a trailing part of one base shape (rank 0 to 3) with some
     * axes set to 1, e.g. [3, 1] and [1, 4], [2, 3] and [3], [] and [2, 2].
     */
    static Gen<int[][]> broadcastShapes(int count) {
        return shapes(0, 3).flatMap(base -> lists().of(operandShape(base)).ofSize(count)
                .map(list -> list.toArray(new int[0][])));
    }

    private static Gen<int[]> operandShape(int[] base) {
        Gen<Integer> dropped = integers().between(0, base.length);
        Gen<int[]> ones = Generate.intArrays(Generate.constant(base.length), integers().between(0, 1));
        return dropped.zip(ones, (drop, mask) -> {
            int[] s = Arrays.copyOfRange(base, drop, base.length);
            for (int i = 0; i < s.length; i++) {
                if (mask[drop + i] == 1) {
                    s[i] = 1;
                }
            }
            return s;
        });
    }

    /**
     * Folds a generated axis into the valid range {@code [-rank, rank)} keeping its sign, so that properties exercise
     * negative axes too: with rank 2, 0 to 1 stay, 2 becomes 0, -3 becomes -1.
     */
    static int axis(int raw, int rank) {
        return raw >= 0 ? raw % rank : -((-raw - 1) % rank) - 1;
    }

    // ---------------------------------------------------------------- tensors

    /** A FLOAT64 leaf (not requiring a gradient) of the given shape with values from {@code values}. */
    static Gen<Tensor> tensorOf(int[] shape, Gen<Double> values) {
        return lists().of(values).ofSize(Shapes.size(shape)).map(list -> leaf(shape, list));
    }

    /** A tensor of a random shape of rank 0 to 3, described in full. */
    static Gen<Tensor> tensors(Gen<Double> values) {
        return tensors(0, 3, values);
    }

    static Gen<Tensor> tensors(int minRank, int maxRank, Gen<Double> values) {
        return shapes(minRank, maxRank).flatMap(s -> tensorOf(s, values)).describedAs(TensorGen::describe);
    }

    /** Two tensors of broadcast-compatible shapes. */
    static Gen<Inputs> pairs(Gen<Double> xValues, Gen<Double> yValues) {
        return broadcastShapes(2).flatMap(s -> tensorOf(s[0], xValues).zip(tensorOf(s[1], yValues), Inputs::of));
    }

    /** Three tensors of broadcast-compatible shapes. */
    static Gen<Inputs> triples(Gen<Double> a, Gen<Double> b, Gen<Double> c) {
        return broadcastShapes(3).flatMap(s -> tensorOf(s[0], a).zip(tensorOf(s[1], b), tensorOf(s[2], c),
                Inputs::of));
    }

    /**
     * A tensor of {@code shape} whose values are all distinct, at least 0.2 apart, in a random order: no ties for max
     * and min.
     */
    static Gen<Tensor> distinct(int[] shape) {
        int n = Shapes.size(shape);
        return lists().of(doubles().between(0, 1)).ofSize(2 * n).map(keys -> {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(keys.get(a), keys.get(b)));
            double[] d = new double[n];
            for (int rank = 0; rank < n; rank++) {
                d[order[rank]] = 0.25 * (rank - n / 2.0) + 0.05 * keys.get(n + rank);
            }
            return new Tensor(d, shape, DType.FLOAT64);
        });
    }

    /** A random permutation of {@code 0..n-1}. */
    static Gen<int[]> permutations(int n) {
        return lists().of(doubles().between(0, 1)).ofSize(n).map(keys -> {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(keys.get(a), keys.get(b)));
            return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        });
    }

    static Tensor leaf(int[] shape, List<Double> values) {
        double[] d = new double[values.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = values.get(i);
        }
        return new Tensor(d, shape.clone(), DType.FLOAT64);
    }

    /** Shape, dtype and every value at full precision: {@code [2, 1] FLOAT64 {0.5, -1.25}}. */
    static String describe(Tensor t) {
        StringBuilder sb = new StringBuilder(Shapes.str(t.shape)).append(' ').append(t.dtype).append(" {");
        for (int i = 0; i < t.data.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(t.data[i]);
        }
        return sb.append('}').toString();
    }

    /** Several generated tensors; printed in full when a property fails. */
    record Inputs(List<Tensor> list) {
        static Inputs of(Tensor... ts) {
            return new Inputs(List.of(ts));
        }

        Tensor get(int i) {
            return list.get(i);
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (Tensor t : list) {
                parts.add(describe(t));
            }
            return String.join(" ; ", parts);
        }
    }
}
