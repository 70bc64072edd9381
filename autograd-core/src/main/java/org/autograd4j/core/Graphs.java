package org.autograd4j.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded graph of a tensor as Graphviz DOT, as micrograd's {@code draw_dot} and torchviz's {@code make_dot}:
 * one box per op (its {@code grad_fn} name, output shape and dtype), one per leaf (its name where known, its shape and
 * dtype; blue when it requires a gradient, grey for a constant), an arrow from each input to the op that used it, and
 * the tensor itself outlined twice. Render it with {@code dot -Tpng graph.dot -o graph.png}.
 *
 * <pre>{@code
 * Tensor loss = model.forward(x).sub(y).square().mean();
 * Files.writeString(Path.of("graph.dot"), Graphs.toDot(loss, model.namedParameters()));
 * }</pre>
 */
public final class Graphs {
    private Graphs() {
    }

    /**
     * The graph that produced {@code root}, leaves unnamed.
     *
     * @param root the output, typically a loss
     * @return the DOT text, one statement per line
     * @throws IllegalStateException if the graph was released by a backward pass
     */
    public static String toDot(Tensor root) {
        return toDot(root, Map.of());
    }

    /**
     * The graph that produced {@code root}, naming the leaves found in {@code names} (by identity), e.g. a module's
     * {@code namedParameters()}.
     *
     * @param root  the output, typically a loss
     * @param names a name for each tensor to label
     * @return the DOT text, one statement per line
     * @throws IllegalStateException if the graph was released by a backward pass
     */
    public static String toDot(Tensor root, Map<String, Tensor> names) {
        Map<Tensor, String> label = new IdentityHashMap<>();
        names.forEach((name, t) -> label.putIfAbsent(t, name));
        List<Tensor> order = postOrder(root);
        Map<Tensor, Integer> ids = new IdentityHashMap<>();
        for (Tensor t : order) {
            ids.put(t, ids.size());
        }
        StringBuilder dot = new StringBuilder("digraph autograd {\n");
        dot.append("  node [shape=box, fontname=\"monospace\", fontsize=10];\n");
        for (Tensor t : order) {
            String meta = Shapes.str(t.shape) + " " + t.dtype;
            String name = label.get(t);
            dot.append("  t").append(ids.get(t)).append(" [label=\"");
            if (t.node != null) {
                dot.append(t.node.name()).append(name == null ? "" : " (" + quote(name) + ")");
            } else {
                dot.append(name != null ? quote(name) : t.requiresGrad ? "leaf" : "constant");
            }
            dot.append("\\n").append(meta).append('"');
            if (t.node == null) {
                dot.append(", style=filled, fillcolor=").append(t.requiresGrad ? "lightblue" : "lightgrey");
            }
            if (t == root) {
                dot.append(", peripheries=2");
            }
            dot.append("];\n");
        }
        for (Tensor t : order) {
            if (t.node != null) {
                for (Tensor x : t.node.inputs) {
                    dot.append("  t").append(ids.get(x)).append(" -> t").append(ids.get(t)).append(";\n");
                }
            }
        }
        return dot.append("}\n").toString();
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Every tensor of the graph, inputs before the ops that use them, found without recursion. */
    private static List<Tensor> postOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        List<Tensor> stack = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        stack.add(root);
        next.add(0);
        seen.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Tensor t = stack.get(top);
            if (t.node != null && t.node.released()) {
                throw new IllegalStateException("toDot: the graph was released by a backward pass (tensor produced"
                        + " by " + t.node.name() + "); draw it before backward, or pass retainGraph=true");
            }
            Tensor[] inputs = t.node == null ? null : t.node.inputs;
            int i = next.get(top);
            if (inputs != null && i < inputs.length) {
                next.set(top, i + 1);
                if (seen.put(inputs[i], Boolean.TRUE) == null) {
                    stack.add(inputs[i]);
                    next.add(0);
                }
            } else {
                order.add(t);
                stack.remove(top);
                next.remove(top);
            }
        }
        return order;
    }
}
