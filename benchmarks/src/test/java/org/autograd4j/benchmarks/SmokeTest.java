package org.autograd4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/** Checks that the benchmarks compute what they claim, in a few seconds; no timing is asserted. */
class SmokeTest {
    @Test
    void everyWorkloadTrainsWithBothTrainers() {
        for (Workload w : Workload.values()) {
            for (String kind : List.of("nn", "core")) {
                Trainer t = Trainer.create(w, kind);
                Data.Batch[] data = w.data();
                for (int i = 0; i < 3; i++) {
                    double loss = t.step(data[i % data.length]);
                    assertTrue(Double.isFinite(loss) && loss > 0, w.label + " " + kind + " loss " + loss);
                }
            }
        }
    }

    @Test
    void workloadDataHasTheSpecifiedShapes() {
        assertEquals(List.of(100L, 2L), List.of(Workload.TINY.data()[0].x().shape()[0], 2L));
        Data.Batch mnist = Workload.MLP_MNIST_SHAPE.data()[0];
        assertEquals(128, mnist.x().size(0));
        assertEquals(784, mnist.x().size(1));
        assertEquals(DType.FLOAT32, mnist.x().dtype());
        assertEquals(30, Workload.WDBC_SHAPE.data()[0].x().size(1));
    }

    @Test
    void oracleAgreesWithAutodiff() {
        int[] sizes = GradientBench.sizes(100);
        CoreMlp model = new CoreMlp(sizes, Workload.Activation.TANH, DType.FLOAT64, Workload.SEED);
        Supplier<Tensor> loss = GradientBench.lossOf(model, sizes);
        double[][] numeric = Oracle.centralDifferences(loss, model.parameters());
        double[][] analytic = Oracle.autodiff(loss, model.parameters());
        for (int k = 0; k < numeric.length; k++) {
            for (int i = 0; i < numeric[k].length; i++) {
                assertEquals(numeric[k][i], analytic[k][i], 1e-6, "parameter " + k + " element " + i);
            }
        }
    }

    @Test
    void parameterCountsAreAboutTheNominalOnes() {
        for (int p : new int[] {100, 1000, 10000, 100000}) {
            long exact = new CoreMlp(GradientBench.sizes(p), Workload.Activation.TANH, DType.FLOAT64, 1)
                    .parameterCount();
            assertTrue(exact >= p && exact < 1.1 * p, p + " -> " + exact);
        }
    }

    @Test
    void reportReadsResultFields() {
        String line = "RESULT peer=autograd4j workload=tiny steps=2000 seconds=0.1 samples_per_s=5.0 ms_per_step=0.05"
                + " threads=1";
        assertEquals("0.05", Report.field(line, "ms_per_step"));
        assertEquals("tiny", Report.field(line, "workload"));
    }
}
