package org.autograd4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.autograd4j.nn.optim.OptimizerState;

/**
 * An {@link OptimizerState} in serializable form, and the averaging of several: every buffer is averaged element by
 * element, except the per-parameter step counters ({@code i.step}), which are averaged and rounded to a whole number
 * (they are equal anyway when every partition took every local step).
 *
 * @param type            the optimizer's type
 * @param hyperparameters its hyper-parameters, in order
 * @param buffers         its buffers, in order
 */
record StateData(String type, LinkedHashMap<String, Double> hyperparameters, LinkedHashMap<String, double[]> buffers)
        implements Serializable {
    /** A serializable copy of {@code s}. */
    static StateData of(OptimizerState s) {
        LinkedHashMap<String, double[]> b = new LinkedHashMap<>();
        s.buffers().forEach((k, v) -> b.put(k, v.clone()));
        return new StateData(s.type(), new LinkedHashMap<>(s.hyperparameters()), b);
    }

    /** Back to the optimizer's form. */
    OptimizerState state() {
        return new OptimizerState(type, hyperparameters, buffers);
    }

    /** The buffer names that are averaged (all but {@code param_sizes}), in order. */
    List<String> averagedKeys() {
        List<String> keys = new ArrayList<>();
        for (String k : buffers.keySet()) {
            if (!k.equals("param_sizes")) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** The averaged buffers, concatenated in {@link #averagedKeys()} order. */
    double[] flatten() {
        int n = 0;
        for (String k : averagedKeys()) {
            n += buffers.get(k).length;
        }
        double[] out = new double[n];
        int at = 0;
        for (String k : averagedKeys()) {
            double[] v = buffers.get(k);
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /**
     * This state's type, hyper-parameters and {@code param_sizes}, with the buffers {@code keys} (of the given lengths,
     * concatenated in {@code sums}) set to {@code sums / count}, step counters rounded to whole numbers.
     */
    StateData averaged(String[] keys, int[] lengths, double[] sums, int count) {
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        out.put("param_sizes", buffers.get("param_sizes").clone());
        int at = 0;
        for (int i = 0; i < keys.length; i++) {
            double[] v = new double[lengths[i]];
            for (int j = 0; j < v.length; j++) {
                v[j] = sums[at + j] / count;
                if (keys[i].endsWith(".step")) {
                    v[j] = Math.rint(v[j]);
                }
            }
            at += v.length;
            out.put(keys[i], v);
        }
        if (at != sums.length) {
            throw new IllegalStateException("spark: averaged optimizer state has " + sums.length + " values, the"
                    + " layout " + at + " (a bug)");
        }
        return new StateData(type, hyperparameters, out);
    }
}
