package org.autograd4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Dropout;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ModuleRegistry;
import org.autograd4j.nn.ModuleSpec;
import org.autograd4j.nn.Sequential;

/**
 * What an executor needs to rebuild a model: its architecture (from {@link Module#describe()}, in a serializable
 * form), its parameters' dtype and shapes. Weights travel separately as one flat {@code double[]} in
 * {@link Module#parameters()} order ({@link #flatten}, {@link #load}), so a step ships only numbers.
 *
 * <p>Note on dropout: a rebuilt model draws its dropout masks from a generator seeded by the caller
 * ({@link #build(long)}), so a retried Spark task draws the same masks as its first attempt. {@link Mlp},
 * {@link Sequential} and {@link Dropout} are rebuilt here for that reason; any other module comes from
 * {@link ModuleRegistry}, and a model holding dropout inside such a module is refused.
 */
final class ModelBlueprint implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A {@link ModuleSpec} as plain serializable maps. */
    private record Node(String type, TreeMap<String, String> config, LinkedHashMap<String, Node> children)
            implements Serializable {
        static Node of(ModuleSpec spec) {
            LinkedHashMap<String, Node> ch = new LinkedHashMap<>();
            spec.children().forEach((k, v) -> ch.put(k, of(v)));
            return new Node(spec.type(), new TreeMap<>(spec.config()), ch);
        }

        ModuleSpec spec() {
            Map<String, ModuleSpec> ch = new LinkedHashMap<>();
            children.forEach((k, v) -> ch.put(k, v.spec()));
            return new ModuleSpec(type, config, ch);
        }

        boolean holdsDropout() {
            return type.equals("Dropout") || type.equals("Mlp") && Double.parseDouble(config.get("dropout")) > 0
                    || children.values().stream().anyMatch(Node::holdsDropout);
        }
    }

    private final Node root;
    private final DType dtype;
    private final long[][] shapes;
    private final int size;

    private ModelBlueprint(Node root, DType dtype, long[][] shapes) {
        this.root = root;
        this.dtype = dtype;
        this.shapes = shapes;
        long n = 0;
        for (long[] s : shapes) {
            n += Arrays.stream(s).reduce(1, (a, b) -> a * b);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("spark: the model has " + n + " parameters; at most 2^31 fit a step");
        }
        this.size = (int) n;
    }

    /**
     * The blueprint of {@code model}.
     *
     * @throws IllegalArgumentException if the model cannot be described, mixes dtypes, or hides dropout in a module
     *                                  this class does not rebuild
     */
    static ModelBlueprint of(Module model) {
        Node root = Node.of(model.describe());
        checkDropout(root);
        List<Tensor> params = model.parameters();
        if (params.isEmpty()) {
            throw new IllegalArgumentException("spark: the model has no parameters to train");
        }
        DType dtype = params.get(0).dtype();
        long[][] shapes = new long[params.size()][];
        for (int i = 0; i < shapes.length; i++) {
            if (params.get(i).dtype() != dtype) {
                throw new IllegalArgumentException("spark: parameters mix " + dtype + " and "
                        + params.get(i).dtype() + "; convert the model with model.to(dtype) first");
            }
            shapes[i] = params.get(i).shape();
        }
        ModelBlueprint b = new ModelBlueprint(root, dtype, shapes);
        b.build(0);
        return b;
    }

    private static void checkDropout(Node n) {
        boolean rebuiltHere = n.type.equals("Sequential") || n.type.equals("Mlp") || n.type.equals("Dropout");
        if (!rebuiltHere && n.holdsDropout()) {
            throw new IllegalArgumentException("spark: module " + n.type + " holds dropout; only Mlp, Sequential"
                    + " and Dropout layers can be rebuilt with seeded masks (a retried task must draw the same masks)");
        }
        n.children.values().forEach(ModelBlueprint::checkDropout);
    }

    /** Whether the model has dropout layers (then a model is rebuilt for every task, with that task's seed). */
    boolean hasDropout() {
        return root.holdsDropout();
    }

    /** The number of scalar parameters, the length of every flat vector. */
    int size() {
        return size;
    }

    /** The parameters' dtype. */
    DType dtype() {
        return dtype;
    }

    /**
     * A new model of this architecture (weights to be {@link #load loaded}), in training mode, whose dropout layers
     * draw masks from generators derived from {@code dropoutSeed}.
     */
    Module build(long dropoutSeed) {
        Module m = build(root, new Random(dropoutSeed));
        m.to(dtype);
        List<Tensor> params = m.parameters();
        if (params.size() != shapes.length) {
            throw new IllegalStateException("spark: rebuilt " + root.type + " has " + params.size()
                    + " parameters, the original " + shapes.length + " (a bug, or a factory that differs)");
        }
        for (int i = 0; i < shapes.length; i++) {
            if (!Arrays.equals(params.get(i).shape(), shapes[i])) {
                throw new IllegalStateException("spark: rebuilt parameter " + i + " has shape "
                        + Arrays.toString(params.get(i).shape()) + ", the original " + Arrays.toString(shapes[i]));
            }
        }
        return m;
    }

    private static Module build(Node n, Random rng) {
        switch (n.type) {
            case "Mlp": {
                ModuleSpec s = n.spec();
                return Mlp.builder().sizes(s.integers("sizes")).hiddenActivation(Activation.valueOf(s.string("hidden")))
                        .outputActivation(Activation.valueOf(s.string("output"))).dropout(s.number("dropout"))
                        .bias(s.flag("bias")).seed(rng.nextLong()).build();
            }
            case "Sequential": {
                List<Module> layers = new ArrayList<>();
                for (Node child : n.children.values()) {
                    layers.add(build(child, rng));
                }
                return new Sequential(layers);
            }
            case "Dropout":
                return new Dropout(n.spec().number("p"), new Random(rng.nextLong()));
            default:
                return ModuleRegistry.build(n.spec());
        }
    }

    /** The model's parameters, concatenated in {@link Module#parameters()} order. */
    double[] flatten(Module model) {
        double[] out = new double[size];
        int at = 0;
        for (Tensor p : model.parameters()) {
            if (p.dtype() == DType.FLOAT64) {
                double[] a = p.readArray();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            } else {
                for (float v : p.readFloatArray()) {
                    out[at++] = v;
                }
            }
        }
        return out;
    }

    /** Writes a flat vector into the model's parameters, in place (outside any graph). */
    void load(Module model, double[] flat) {
        checkLength("load", flat);
        int at = 0;
        for (Tensor p : model.parameters()) {
            if (p.dtype() == DType.FLOAT64) {
                double[] a = p.array();
                System.arraycopy(flat, at, a, 0, a.length);
                at += a.length;
            } else {
                float[] a = p.floatArray();
                for (int j = 0; j < a.length; j++) {
                    a[j] = (float) flat[at++];
                }
            }
        }
    }

    /** Adds every parameter's gradient (zeros where there is none) to {@code sums}, in flat order. */
    void addGradients(Module model, double[] sums) {
        checkLength("addGradients", sums);
        int at = 0;
        for (Tensor p : model.parameters()) {
            int n = (int) p.size();
            Tensor g = p.grad();
            if (g != null) {
                double[] values = g.dtype() == DType.FLOAT64 ? g.readArray() : g.toDoubleArray();
                for (int j = 0; j < n; j++) {
                    sums[at + j] += values[j];
                }
            }
            at += n;
        }
    }

    /**
     * Sets every parameter's gradient to {@code sums / rows} (the mean over a batch of {@code rows} rows, from
     * per-row gradient sums), in the parameter's dtype.
     */
    void setMeanGradients(List<Tensor> params, double[] sums, long rows) {
        checkLength("setMeanGradients", sums);
        int at = 0;
        for (Tensor p : params) {
            int n = (int) p.size();
            double[] g = new double[n];
            for (int j = 0; j < n; j++) {
                g[j] = sums[at + j] / rows;
            }
            at += n;
            Tensor t = Tensor.of(g, p.shape());
            p.setGrad(p.dtype() == DType.FLOAT64 ? t : t.to(p.dtype()));
        }
    }

    private void checkLength(String op, double[] flat) {
        if (flat.length != size) {
            throw new IllegalStateException("spark: " + op + ": a vector of " + flat.length + " values for a model"
                    + " of " + size + " parameters (a bug)");
        }
    }

    /** A key naming this architecture and dtype, for caching rebuilt models on an executor. */
    String key() {
        return dtype + ":" + root.spec();
    }
}
