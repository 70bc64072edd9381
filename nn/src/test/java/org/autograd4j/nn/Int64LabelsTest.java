package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * INT64 labels and indices in nn: cross-entropy and NLL decide by the target's dtype as PyTorch's
 * {@code F.cross_entropy} does, and give exactly what the {@code int[]} and float-valued forms give (values, first and
 * second-order gradients, every weighting, smoothing and reduction); {@link Embedding} takes INT64 input and still
 * takes whole numbers in a float tensor.
 */
class Int64LabelsTest {

    @Test
    void crossEntropyWithInt64LabelsEqualsTheIntArrayForm() {
        qt().withExamples(40).forAll(integers().between(1, 5), integers().between(2, 6), longs().all())
                .checkAssert((batch, classes, seed) -> {
                    Random rng = new Random(seed);
                    Tensor logits = Tensor.randn(rng, batch, classes).mul(3);
                    int[] y = new int[batch];
                    for (int n = 0; n < batch; n++) {
                        y[n] = rng.nextInt(classes);
                    }
                    Tensor labels = Tensor.of(y);
                    Tensor floatLabels = labels.to(DType.FLOAT64);
                    Tensor w = rng.nextBoolean() ? null : Tensor.rand(rng, classes).add(0.5);
                    double smoothing = rng.nextBoolean() ? 0.0 : rng.nextDouble() * 0.3;
                    Reduction r = Reduction.values()[rng.nextInt(Reduction.values().length)];
                    assertSame(t -> Losses.crossEntropy(t, labels, w, smoothing, r),
                            t -> Losses.crossEntropy(t, y, w, smoothing, r), logits);
                    assertSame(t -> Losses.crossEntropy().compute(t, labels),
                            t -> Losses.crossEntropy().compute(t, floatLabels), logits);
                    assertSame(t -> Losses.nll(t.logSoftmax(1), labels, w, r),
                            t -> Losses.nll(t.logSoftmax(1), y, w, r), logits);
                    assertSame(t -> Losses.nll().compute(t.logSoftmax(1), labels),
                            t -> Losses.nll(t.logSoftmax(1), y), logits);
                    assertSame(t -> Losses.crossEntropy(t, labels, r), t -> Losses.crossEntropy(t, y, r), logits);
                });
    }

    @Test
    void aCapturedStepTakesInt64LabelsAsAnInputAndReplaysEager() {
        Tensor wEager = Tensor.randn(new Random(4), 4, 3).requiresGrad(true);
        Tensor wCaptured = wEager.detach().mul(1.0).detach().requiresGrad(true);
        Tensor classWeights = Tensor.of(new double[] {0.5, 1.0, 2.0});
        org.autograd4j.core.CapturedStep step = Autograd.capture(in -> {
            Tensor loss = Losses.crossEntropy(in[0].matmul(wCaptured), in[1], classWeights, 0.1, Reduction.MEAN);
            loss.backward();
            return loss;
        });
        Random data = new Random(6);
        for (int s = 0; s < 4; s++) {
            Tensor x = Tensor.randn(data, 5, 4);
            long[] y = new long[5];
            for (int i = 0; i < y.length; i++) {
                y[i] = data.nextInt(3);
            }
            Tensor labels = Tensor.of(y);
            wEager.zeroGrad();
            Tensor expected = Losses.crossEntropy(x.matmul(wEager), labels, classWeights, 0.1, Reduction.MEAN);
            expected.backward();
            wCaptured.zeroGrad();
            Tensor actual = step.run(x, labels);
            assertEquals(expected.item(), actual.item(), 0.0, "loss at step " + s);
            assertArrayEquals(wEager.grad().toDoubleArray(), wCaptured.grad().toDoubleArray(), "grad at step " + s);
        }
        assertEquals(1, step.captures());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> step.run(Tensor.randn(data, 5, 4), Tensor.of(new long[] {0, 1, 2, 3, 0})));
        assertEquals("gather: index 3.0 at position 3 is not a whole number in [0, 3) for axis 1 of shape [5, 3]",
                e.getMessage());
    }

    @Test
    void aDataLoaderKeepsInt64LabelsAndTheLossTakesThem() {
        Tensor features = Tensor.randn(new Random(8), 6, 2);
        Tensor labels = Tensor.of(new long[] {0, 2, 1, 1, 0, 2});
        org.autograd4j.nn.data.DataLoader loader = org.autograd4j.nn.data.DataLoader
                .builder(new org.autograd4j.nn.data.Dataset(features, labels)).batchSize(4).build();
        Tensor w = Tensor.randn(new Random(9), 2, 3).to(DType.FLOAT32);
        for (org.autograd4j.nn.data.Batch b : loader) {
            assertEquals(DType.FLOAT32, b.x().dtype());
            assertEquals(DType.INT64, b.y().dtype());
            Tensor logits = b.x().matmul(w);
            assertEquals(Losses.crossEntropy(logits, Losses.classIndices(b.y())).item(),
                    Losses.crossEntropy().compute(logits, b.y()).item(), 0.0);
        }
    }

    @Test
    void aFloatingTargetStillMeansProbabilities() {
        Tensor logits = Tensor.of(new double[][] {{2, 0.5, -1}, {0, 1, 3}});
        Tensor oneHot = Tensor.of(new double[][] {{0, 1, 0}, {0, 0, 1}});
        assertEquals(Losses.crossEntropy(logits, Tensor.of(new long[] {1, 2})).item(),
                Losses.crossEntropy(logits, oneHot).item(), 1e-15);
    }

    @Test
    void embeddingTakesInt64AndStillFloatIndices() {
        Embedding e = new Embedding(5, 3, OptionalInt.of(0), new Random(1));
        Tensor asLongs = Tensor.of(new long[] {3, 0, 4, 3}, 2, 2);
        Tensor asDoubles = asLongs.to(DType.FLOAT64);
        Tensor a = e.forward(asLongs);
        Tensor b = e.forward(asDoubles);
        assertArrayEquals(new long[] {2, 2, 3}, a.shape());
        assertArrayEquals(b.toDoubleArray(), a.toDoubleArray());
        assertArrayEquals(e.forward(asDoubles.to(DType.FLOAT32)).toDoubleArray(), a.toDoubleArray());
        Tensor upstream = Tensor.randn(new Random(2), 2, 2, 3);
        Tensor ga = Autograd.grad(a.mul(upstream).sum(), List.of(e.weight()), false).get(0);
        Tensor gb = Autograd.grad(b.mul(upstream).sum(), List.of(e.weight()), false).get(0);
        assertArrayEquals(gb.toDoubleArray(), ga.toDoubleArray());
        assertArrayEquals(new double[3], ga.slice(0, 0, 1).toDoubleArray());   // the padding row: no gradient
    }

    @Test
    void metricsReadArgmaxOutputAsClasses() {
        Tensor logits = Tensor.of(new double[][] {{0.1, 2, 0.3}, {5, 1, 0}, {0, 0, 9}});
        Tensor predicted = logits.argmax(1);
        assertArrayEquals(new int[] {1, 0, 2}, org.autograd4j.nn.metrics.Metrics.predictedClasses(predicted));
        assertArrayEquals(org.autograd4j.nn.metrics.Metrics.predictedClasses(logits),
                org.autograd4j.nn.metrics.Metrics.predictedClasses(predicted));
        assertArrayEquals(new int[] {2, 0}, org.autograd4j.nn.metrics.Metrics.targetClasses(Tensor.of(new long[] {2, 0})));
    }

    @Test
    void messagesNameTheLabelsAndTheirShape() {
        Tensor logits = Tensor.zeros(2, 3);
        argument("crossEntropy: label 3 at row 1 is out of range [0, 3)",
                () -> Losses.crossEntropy(logits, Tensor.of(new long[] {0, 3})));
        argument("crossEntropy: class indices have shape [3] but the input has 2 rows (shape [2, 3]); expected [2]",
                () -> Losses.crossEntropy(logits, Tensor.of(new long[] {0, 1, 2})));
        argument("nll: label -1 at row 0 is out of range [0, 3)",
                () -> Losses.nll(logits, Tensor.of(new long[] {-1, 0})));
        argument("nll: class indices must be an INT64 tensor, got FLOAT64 [2]; convert them with to(DType.INT64)",
                () -> Losses.nll(logits, Tensor.of(new double[] {0, 1})));
        argument("Embedding: index 5.0 at position [1] of input of shape [2] is not a whole number in [0, 5)",
                () -> new Embedding(5, 2).forward(Tensor.of(new long[] {1, 5})));
    }

    private static void argument(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    /** Same values, gradients and second-order gradients from {@code f} and {@code g} at {@code x}, exactly. */
    private static void assertSame(Function<Tensor, Tensor> f, Function<Tensor, Tensor> g, Tensor x) {
        double[][] a = run(f, x);
        double[][] b = run(g, x);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(b[i], a[i]);
        }
    }

    private static double[][] run(Function<Tensor, Tensor> f, Tensor x) {
        Tensor leaf = x.detach().mul(1.0).detach().requiresGrad(true);
        Tensor out = f.apply(leaf);
        Tensor loss = out.mul(Tensor.randn(new Random(5), out.shape())).sum();
        Tensor grad = Autograd.grad(loss, List.of(leaf), null, true, true, true).get(0);
        Tensor second = Autograd.grad(grad.square().sum(), List.of(leaf), null, false, false, true).get(0);
        return new double[][] {out.toDoubleArray(), grad.toDoubleArray(),
            second == null ? new double[0] : second.toDoubleArray()};
    }
}
