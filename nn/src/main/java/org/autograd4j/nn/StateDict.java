package org.autograd4j.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * {@link Module#stateDict()} and {@link Module#loadStateDict(Map)}: copies of a module's parameters and buffers by
 * dotted name, and their checked loading in place.
 */
final class StateDict {
    private StateDict() {
    }

    /** A detached copy of every parameter and buffer of {@code m}, by dotted name, in their order. */
    static Map<String, Tensor> copy(Module m) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : m.registered.namedState().entrySet()) {
            Tensor p = e.getValue();
            Tensor copy = p.rank() == 0 ? Tensor.scalar(p.item()) : Tensor.of(p.toDoubleArray(), p.shape());
            out.put(e.getKey(), copy.to(p.dtype()));
        }
        return out;
    }

    /** The values for an INT64 parameter or buffer: whole numbers, as an INT64 tensor holds, or an error. */
    private static double[] wholeValues(String name, Tensor src) {
        double[] v = src.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > 0x1p53) {
                throw new IllegalArgumentException("loadStateDict: '" + name + "' is INT64 in the model but the state"
                        + " holds " + v[i] + " at position " + i + ", which is not a whole number within ±2^53");
            }
        }
        return v;
    }

    /** Copies {@code state} into {@code m}'s parameters and buffers after checking every name and shape. */
    @SuppressWarnings("try")
    static void load(Module m, Map<String, Tensor> state) {
        Map<String, Tensor> own = m.registered.namedState();
        for (String name : state.keySet()) {
            if (!own.containsKey(name)) {
                throw new IllegalArgumentException("loadStateDict: unexpected parameter '" + name + "'; this "
                        + m.getClass().getSimpleName() + " has " + own.keySet());
            }
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor given = state.get(e.getKey());
            if (given == null) {
                throw new IllegalArgumentException("loadStateDict: missing parameter '" + e.getKey() + "'");
            }
            if (!Arrays.equals(given.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("loadStateDict: parameter '" + e.getKey() + "' has shape "
                        + Arrays.toString(given.shape()) + " in the state but " + Arrays.toString(e.getValue().shape())
                        + " in the model");
            }
        }
        try (Autograd.Scope scope = Autograd.noGrad()) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                Tensor p = e.getValue();
                Tensor src = state.get(e.getKey());
                if (p.dtype() == DType.INT64) {
                    double[] values = wholeValues(e.getKey(), src);
                    System.arraycopy(values, 0, p.array(), 0, values.length);
                } else if (p.dtype() == DType.FLOAT32) {
                    float[] values = src.toFloatArray();
                    System.arraycopy(values, 0, p.floatArray(), 0, values.length);
                } else {
                    double[] values = src.toDoubleArray();
                    System.arraycopy(values, 0, p.array(), 0, values.length);
                }
            }
        }
    }
}
