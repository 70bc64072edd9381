package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;
import org.autograd4j.core.DType;
import org.autograd4j.core.GradCheck;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.io.ModelIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedding: gradients against GradCheck (first and second order) over random index shapes, with and without a
 * padding index; lookups, the padding row's zero start and zero gradient, errors, summary and a save/load round trip.
 * Its numbers against PyTorch's are in {@link PyTorchNnReferenceTest}.
 */
class EmbeddingTest {
    @TempDir
    Path dir;

    private static Tensor randomIndices(Random rng, int rank, int rows) {
        long[] shape = new long[rank];
        int n = 1;
        for (int a = 0; a < rank; a++) {
            shape[a] = 1 + rng.nextInt(3);
            n *= (int) shape[a];
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(rows);
        }
        return Tensor.of(v, shape);
    }

    /**
     * The padding row's output depends on the weight but gets no gradient, by design, so GradCheck sees the table as
     * the other rows (the variables) with the padding row put back as a constant; its own gradient must be zero.
     */
    @Test
    void gradientsOfAnyIndexShapePassGradCheckToSecondOrder() {
        qt().withExamples(12).forAll(integers().between(0, 3), integers().between(2, 5), longs().all())
                .checkAssert((rank, rows, seed) -> {
                    Random rng = new Random(seed);
                    OptionalInt pad = rng.nextBoolean() ? OptionalInt.of(rng.nextInt(rows)) : OptionalInt.empty();
                    Embedding e = new Embedding(rows, 1 + rng.nextInt(3), pad, rng);
                    Tensor idx = randomIndices(rng, rank, rows);
                    if (pad.isEmpty()) {
                        Functional.gradCheck(e, idx).orThrow();
                    }
                    int p = pad.orElse(0);
                    Tensor w = e.weight().detach();
                    Tensor padRow = w.indexSelect(0, new long[] {p}).add(rng.nextGaussian());
                    long[] others = new long[rows - 1];
                    long[] back = new long[rows];
                    for (int i = 0; i < rows; i++) {
                        back[i] = i == p ? rows - 1 : i < p ? i : i - 1;
                        if (i != p) {
                            others[(int) back[i]] = i;
                        }
                    }
                    Function<List<Tensor>, Tensor> f = in -> Functional.call(e, Map.of("weight",
                            Tensor.concat(List.of(in.get(0), padRow), 0).indexSelect(0, back)), idx).square();
                    Tensor live = w.indexSelect(0, others).requiresGrad(true);
                    GradCheck.check(f, List.of(live)).orThrow();
                    GradCheck.checkSecondOrder(f, List.of(live)).orThrow();
                    Tensor full = w.requiresGrad(true);
                    Functional.call(e, Map.of("weight", full), idx).square().sum().backward();
                    double[] g = full.grad().toDoubleArray();
                    int dim = e.embeddingDim();
                    for (int j = 0; pad.isPresent() && j < dim; j++) {
                        assertEquals(0.0, g[p * dim + j], "the padding row's gradient");
                    }
                });
    }

    @Test
    void looksUpRowsAndThePaddingRowStartsAtZeroAndGetsNoGradient() {
        Embedding e = new Embedding(4, 2, OptionalInt.of(-1), new Random(5));
        assertEquals(OptionalInt.of(3), e.paddingIdx());
        double[] w = e.weight().toDoubleArray();
        assertArrayEquals(new double[] {0, 0}, new double[] {w[6], w[7]});
        e.loadStateDict(Map.of("weight", Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2)));
        Tensor idx = Tensor.of(new float[] {3, 1, 1, 0}, 2, 2).requiresGrad(true);
        Tensor y = e.forward(idx);
        assertArrayEquals(new long[] {2, 2, 2}, y.shape());
        assertArrayEquals(new double[] {7, 8, 3, 4, 3, 4, 1, 2}, y.toDoubleArray(), "the padding row keeps its value");
        y.backward(Tensor.ones(2, 2, 2));
        assertArrayEquals(new double[] {1, 1, 2, 2, 0, 0, 0, 0}, e.weight().grad().toDoubleArray());
        assertNull(idx.grad(), "indices never receive a gradient");
        assertArrayEquals(new long[] {2}, e.forward(Tensor.scalar(2, DType.FLOAT32)).shape());
    }

    @Test
    void unseededTablesFollowTheGlobalSeedAndAreStandardNormal() {
        try {
            Seeds.set(7);
            Tensor a = new Embedding(50, 40).weight();
            Seeds.set(7);
            assertArrayEquals(a.toDoubleArray(), new Embedding(50, 40).weight().toDoubleArray());
            double[] v = a.toDoubleArray();
            double mean = java.util.Arrays.stream(v).average().orElseThrow();
            double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
            assertEquals(0, mean, 0.1);
            assertEquals(1, var, 0.15);
        } finally {
            Seeds.clear();
        }
    }

    @Test
    void savesLoadsAndSummarises() throws IOException {
        Embedding e = new Embedding(5, 3, OptionalInt.of(1), new Random(2));
        Path file = dir.resolve("emb.a4j");
        ModelIO.save(file, new Sequential(e, new Flatten()));
        Module loaded = ModelIO.load(file).model();
        Tensor idx = Tensor.of(new double[] {4, 1, 0, 2}, 2, 2);
        assertArrayEquals(new Sequential(e, new Flatten()).forward(idx).toDoubleArray(),
                loaded.forward(idx).toDoubleArray());
        assertEquals("1", e.describe().config().get("paddingIdx"));
        assertEquals("0 (Embedding)    [-1, 4, 3]           15",
                new Sequential(e).summary(4).lines().skip(2).findFirst().orElseThrow());
    }

    @Test
    void invalidArgumentsAndIndicesAreNamed() {
        Embedding e = new Embedding(3, 2, OptionalInt.empty(), new Random(1));
        assertMessage("Embedding: index 3.0 at position [1, 0] of input of shape [2, 2] is not a whole number in "
                + "[0, 3)", () -> e.forward(Tensor.of(new double[] {0, 1, 3, 2}, 2, 2)));
        assertMessage("Embedding: index 0.5 at position [1] of input of shape [2] is not a whole number in [0, 3)",
                () -> e.forward(Tensor.of(new double[] {1, 0.5}, 2)));
        assertMessage("Embedding: index -1.0 at position [] of input of shape [] is not a whole number in [0, 3)",
                () -> e.forward(Tensor.scalar(-1)));
        assertMessage("Embedding: index NaN at position [0] of input of shape [1] is not a whole number in [0, 3)",
                () -> e.forward(Tensor.of(new double[] {Double.NaN}, 1)));
        assertMessage("Embedding: input must not be null", () -> e.forward((Tensor) null));
        assertMessage("Embedding: numEmbeddings and embeddingDim must be > 0, got numEmbeddings=0, embeddingDim=2",
                () -> new Embedding(0, 2));
        assertMessage("Embedding: paddingIdx must be in [-3, 3), got 3",
                () -> new Embedding(3, 2, OptionalInt.of(3), new Random(1)));
        assertMessage("Embedding: paddingIdx and rng must not be null (use OptionalInt.empty())",
                () -> new Embedding(3, 2, null, new Random(1)));
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
