package org.autograd4j.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reverse walk: orders the graph topologically (iteratively, so deep graphs cannot overflow the stack), visits it
 * from the output back, sums the gradients of tensors used several times, and hands them to the leaves
 * ({@link #intoLeaves}, for {@code backward()}) or to the caller ({@link #gradients}, for {@code Autograd.grad}): two
 * entry points over one walk, which differ only in where a complete gradient goes ({@link Destination}).
 * Intermediate gradients live only for the walk.
 *
 * <p>Note "first order": {@code createGraph} is the walk's mode, passed by name. False is the first-order walk: grad
 * mode is off while it runs (its Tensor ops record nothing) and every node runs {@link Node#backwardFirstOrder}, the
 * fused path where the op has one. True records the walk's ops, and every node runs {@link Node#backward}, written with
 * Tensor ops so that the gradient can be differentiated again. The walk chooses the method from its flag; no op reads
 * the grad mode to find out which walk it is in.
 */
final class Backprop {
    private Backprop() {
    }

    /**
     * {@link Tensor#backward}: the gradient of {@code root} with respect to every leaf that requires one, added to the
     * leaves' {@code grad()}.
     *
     * @param seed the upstream gradient, or null for a one-element root (then 1)
     * @param createGraph whether the walk records its own ops (higher-order gradients); false is the first-order walk,
     *                    whose ops take their fused no-graph paths
     */
    static void intoLeaves(String op, Tensor root, Tensor seed, boolean retain, boolean createGraph) {
        checkRequiresGrad(op, root);
        walk(op, root, seed, retain, createGraph, new LeafGrads(createGraph));
    }

    /**
     * {@link Autograd#grad}: the gradients of {@code root} with respect to {@code targets}, returned; no {@code grad()}
     * is touched.
     *
     * @param allowUnused whether a target that does not reach the root gets zeros instead of an error
     * @return one gradient per target, in order
     */
    static Tensor[] gradients(String op, Tensor root, Tensor seed, boolean retain, boolean createGraph,
            Tensor[] targets, boolean allowUnused) {
        if (!root.requiresGrad && allowUnused) {
            Tensor[] zeros = new Tensor[targets.length];
            for (int i = 0; i < zeros.length; i++) {
                zeros[i] = zerosLike(targets[i]);
            }
            return zeros;
        }
        checkRequiresGrad(op, root);
        Targets found = new Targets(targets);
        walk(op, root, seed, retain, createGraph, found);
        return found.results(op, targets, allowUnused);
    }

    private static void checkRequiresGrad(String op, Tensor root) {
        if (!root.requiresGrad) {
            throw new IllegalStateException(op + ": the output does not require a gradient: no input of the graph"
                    + " had requiresGrad(true), or it was computed under noGrad()");
        }
    }

    private static Tensor zerosLike(Tensor t) {
        return Capture.constant(Tensor.full(0.0, t.dtype, t.shape()));
    }

    /**
     * Where the walk's gradients go: into the leaves ({@link LeafGrads}) or back to the caller ({@link Targets}); the
     * walk itself is the same.
     */
    private interface Destination {
        /** Called once the gradient of {@code t} is complete; returns whether the walk must go on past {@code t}. */
        boolean arrive(Tensor t, Tensor g);

        /** Notes an array that a hook handed back, which its caller may still hold (see "shared gradients"). */
        void handedOut(Tensor g);
    }

    /** Runs one reverse walk from {@code root}, handing every complete gradient to {@code to}. */
    private static void walk(String op, Tensor root, Tensor seed, boolean retain, boolean createGraph,
            Destination to) {
        if (createGraph) {
            Capture.refuse(op, "with createGraph (higher-order gradients)");
        }
        seed = checkSeed(op, root, seed);
        List<Tensor> order = topologicalOrder(op, root);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(root, seed);
        to.handedOut(seed);
        boolean anomaly = GradMode.anomaly();
        boolean previous = GradMode.set(createGraph);
        try {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor g = grads.remove(t);
                if (g == null) {
                    continue;
                }
                if (t.hooks != null && !t.hooks.isEmpty()) {
                    Tensor before = g;
                    g = t.hooks.run(t, g);
                    if (g != before) {
                        to.handedOut(g);
                    }
                }
                if (to.arrive(t, g) && t.node != null) {
                    propagate(t.node, g, grads, createGraph, anomaly);
                }
            }
        } finally {
            GradMode.set(previous);
            if (!retain) {
                for (Tensor t : order) {
                    if (t.node != null) {
                        t.node.release();
                    }
                }
            }
        }
    }

    /**
     * Gradients added to the leaves' {@code grad()}. Note "shared gradients": pass-through backwards (add, reshape)
     * hand the same array to several inputs, and the seed is the caller's tensor; a leaf's grad() must own its array,
     * since optimizers and clipping write into it in place.
     */
    private static final class LeafGrads implements Destination {
        private final boolean createGraph;
        private final Map<Object, Boolean> handedOut = new IdentityHashMap<>();

        LeafGrads(boolean createGraph) {
            this.createGraph = createGraph;
        }

        @Override
        public boolean arrive(Tensor t, Tensor g) {
            if (t.node == null) {
                t.accumulateGrad(createGraph ? g : unshared(g.detach(), t, handedOut));
            }
            return true;
        }

        @Override
        public void handedOut(Tensor g) {
            handedOut.put(g.storage(), Boolean.TRUE);
        }
    }

    /** Gradients returned to the caller of {@link Autograd#grad}, for the targets it names; the walk stops early. */
    private static final class Targets implements Destination {
        private final Map<Tensor, Integer> wanted = new IdentityHashMap<>();
        private final Tensor[] results;

        Targets(Tensor[] targets) {
            for (int i = 0; i < targets.length; i++) {
                wanted.putIfAbsent(targets[i], i);
            }
            results = new Tensor[targets.length];
        }

        @Override
        public boolean arrive(Tensor t, Tensor g) {
            Integer at = wanted.get(t);
            if (at != null) {
                results[at] = g;
            }
            return !allFound(results);
        }

        @Override
        public void handedOut(Tensor g) {
            // returned gradients are the caller's to keep: nothing is written into them
        }

        Tensor[] results(String op, Tensor[] targets, boolean allowUnused) {
            for (int i = 0; i < targets.length; i++) {
                Integer first = wanted.get(targets[i]);
                results[i] = results[first];
                if (results[i] == null && allowUnused) {
                    results[i] = zerosLike(targets[i]);
                } else if (results[i] == null) {
                    throw new IllegalArgumentException(op + ": input " + i + " (shape " + Shapes.str(targets[i].shape)
                            + ") was not used to compute the output");
                }
            }
            return results;
        }
    }

    /** The gradient for a leaf, copied if its array is already referenced elsewhere (see "shared gradients"). */
    private static Tensor unshared(Tensor g, Tensor leaf, Map<Object, Boolean> handedOut) {
        if (leaf.currentGrad() == null && handedOut.put(g.storage(), Boolean.TRUE) != null) {
            Tensor copy = g.fdata != null ? new Tensor(g.fdata.clone(), g.shape) : new Tensor(g.data.clone(), g.shape,
                    g.dtype);
            Capture c = Capture.current();
            if (c != null) {
                Object from = g.storage();
                Object to = copy.storage();
                int n = g.length();
                c.record("copy", () -> System.arraycopy(from, 0, to, 0, n), copy, g);
            }
            handedOut.put(copy.storage(), Boolean.TRUE);
            return copy;
        }
        return g;
    }

    private static boolean allFound(Tensor[] results) {
        for (Tensor r : results) {
            if (r == null) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code node}'s backward for the walk's mode (note "first order"); adds its gradients to {@code grads}. */
    private static void propagate(Node node, Tensor g, Map<Tensor, Tensor> grads, boolean createGraph,
            boolean anomaly) {
        Tensor[] inputs = node.inputs;
        node.checkVersions();
        Tensor[] gs = createGraph ? node.backward(g) : node.backwardFirstOrder(g);
        if (anomaly) {
            Anomaly.checkGradients(node, gs);
        }
        for (int j = 0; j < inputs.length; j++) {
            Tensor x = inputs[j];
            Tensor gx = gs[j];
            if (gx == null || !x.requiresGrad) {
                continue;
            }
            if (gx.shape != x.shape && !java.util.Arrays.equals(gx.shape, x.shape)) {
                gx = Broadcasting.sumToShape(gx, x.shape);
            }
            if (gx.dtype != x.dtype) {
                gx = gx.to(x.dtype);
            }
            Tensor previous = grads.get(x);
            grads.put(x, previous == null ? gx : previous.add(gx));
        }
    }

    private static Tensor checkSeed(String op, Tensor root, Tensor seed) {
        if (seed == null) {
            if (root.length() != 1) {
                throw new IllegalStateException(op + ": output has shape " + Shapes.str(root.shape)
                        + "; pass a gradient of that shape or reduce to a scalar");
            }
            return Capture.constant(new Tensor(new double[] {1.0}, root.shape, root.dtype));
        }
        if (!java.util.Arrays.equals(seed.shape, root.shape)) {
            throw new IllegalArgumentException(op + ": gradient has shape " + Shapes.str(seed.shape)
                    + " but the output has shape " + Shapes.str(root.shape));
        }
        return seed.dtype == root.dtype ? seed : seed.to(root.dtype);
    }

    /**
     * Post-order of the tensors that require a gradient, found with an explicit stack: every tensor comes after all of
     * its inputs, so walking the list backwards visits each tensor before the tensors it was computed from.
     */
    private static List<Tensor> topologicalOrder(String op, Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        Tensor[] stack = new Tensor[16];
        int[] next = new int[16];
        int top = 0;
        stack[0] = root;
        seen.put(root, Boolean.TRUE);
        while (top >= 0) {
            Tensor t = stack[top];
            Node node = t.node;
            if (node != null && node.released()) {
                throw new IllegalStateException(op + ": the graph was released by an earlier backward pass (tensor"
                        + " produced by " + node.name() + "); pass retainGraph=true to the first backward to"
                        + " differentiate through the same graph twice");
            }
            Tensor[] inputs = node == null ? null : node.inputs;
            int i = next[top];
            if (inputs != null && i < inputs.length) {
                next[top] = i + 1;
                Tensor x = inputs[i];
                if (x.requiresGrad && seen.put(x, Boolean.TRUE) == null) {
                    if (++top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                        next = java.util.Arrays.copyOf(next, top * 2);
                    }
                    stack[top] = x;
                    next[top] = 0;
                }
            } else {
                order.add(t);
                stack[top--] = null;
            }
        }
        return order;
    }

}
