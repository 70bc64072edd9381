package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.autograd4j.core.GradCheck;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/** Properties of the classification losses over random batch sizes, class counts and values. */
class LossPropertiesTest {
    @Test
    void crossEntropyFormsAgreeAndMatchAReference() {
        qt().withExamples(40).forAll(integers().between(1, 5), integers().between(2, 6), longs().all())
                .checkAssert((batch, classes, seed) -> {
                    Random rng = new Random(seed);
                    Tensor logits = Tensor.randn(rng, batch, classes).mul(3);
                    int[] y = new int[batch];
                    double[] oneHot = new double[batch * classes];
                    double reference = 0;
                    double[] v = logits.toDoubleArray();
                    for (int n = 0; n < batch; n++) {
                        y[n] = rng.nextInt(classes);
                        oneHot[n * classes + y[n]] = 1;
                        double z = 0;
                        for (int c = 0; c < classes; c++) {
                            z += Math.exp(v[n * classes + c]);
                        }
                        reference += (Math.log(z) - v[n * classes + y[n]]) / batch;
                    }
                    double ce = Losses.crossEntropy(logits, y).item();
                    assertEquals(reference, ce, 1e-12);
                    assertEquals(ce, Losses.crossEntropy(logits, Tensor.of(oneHot, batch, classes)).item(), 1e-12);
                    assertEquals(ce, Losses.nll(logits.logSoftmax(1), y).item(), 1e-12);
                    assertEquals(ce * batch, Losses.crossEntropy(logits, y, Reduction.SUM).item(), 1e-11);
                });
    }

    @Test
    void classificationLossGradientsMatchCentralDifferences() {
        qt().withExamples(25).forAll(integers().between(1, 4), integers().between(2, 5), longs().all())
                .checkAssert((batch, classes, seed) -> {
                    Random rng = new Random(seed);
                    Tensor logits = Tensor.randn(rng, batch, classes).requiresGrad(true);
                    int[] y = new int[batch];
                    for (int n = 0; n < batch; n++) {
                        y[n] = rng.nextInt(classes);
                    }
                    Tensor w = Tensor.rand(rng, classes).add(0.5);
                    double smoothing = rng.nextDouble() * 0.3;
                    Tensor target = Tensor.rand(rng, batch, classes);
                    GradCheck.check(in -> Losses.crossEntropy(in.get(0), y, w, smoothing, Reduction.MEAN),
                            List.of(logits)).orThrow();
                    GradCheck.check(in -> Losses.binaryCrossEntropyWithLogits(in.get(0), target), List.of(logits))
                            .orThrow();
                });
    }
}
