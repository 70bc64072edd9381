package org.autograd4j.nn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.autograd4j.core.Tensor;

/**
 * The running totals of one pass over a loader: the row-weighted mean of the batch losses and, when metrics need
 * them, copies of every batch's outputs and targets, joined into {@code [n, ...]} tensors at the end.
 */
final class EpochPass {
    private final boolean keepOutputs;
    private final List<double[]> outputs = new ArrayList<>();
    private final List<double[]> targets = new ArrayList<>();
    private long[] outputShape;
    private long[] targetShape;
    private double lossSum;
    private int rows;

    EpochPass(boolean keepOutputs) {
        this.keepOutputs = keepOutputs;
    }

    /** Adds one batch: {@code loss} is its mean loss, weighted here by the batch's {@code rows}. */
    void add(double loss, Tensor output, Tensor target) {
        int n = (int) target.size(0);
        lossSum += loss * n;
        rows += n;
        if (keepOutputs) {
            outputShape = check("outputs", outputShape, output);
            targetShape = check("targets", targetShape, target);
            outputs.add(output.toDoubleArray());
            targets.add(target.toDoubleArray());
        }
    }

    private static long[] check(String what, long[] first, Tensor t) {
        long[] s = t.shape();
        if (first != null && !Arrays.equals(Arrays.copyOfRange(first, 1, first.length),
                Arrays.copyOfRange(s, 1, s.length))) {
            throw new IllegalArgumentException("Trainer.fit: batch " + what + " changed shape from "
                    + Arrays.toString(first) + " to " + Arrays.toString(s) + " within an epoch");
        }
        return first == null ? s : first;
    }

    /** The mean loss per row over the pass. */
    double loss() {
        return lossSum / rows;
    }

    Tensor outputs() {
        return join(outputs, outputShape);
    }

    Tensor targets() {
        return join(targets, targetShape);
    }

    private Tensor join(List<double[]> parts, long[] batchShape) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        double[] all = new double[total];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        long[] shape = batchShape.clone();
        shape[0] = rows;
        return Tensor.of(all, shape);
    }
}
