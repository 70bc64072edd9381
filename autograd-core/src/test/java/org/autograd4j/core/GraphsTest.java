package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Graphs#toDot}: the exact DOT of small graphs, names, shared inputs, and the released-graph error. */
class GraphsTest {

    @Test
    void smallGraphExactly() {
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor x = Tensor.of(new double[] {3, 4});
        Tensor loss = w.mul(x).sum();
        assertEquals("""
                digraph autograd {
                  node [shape=box, fontname="monospace", fontsize=10];
                  t0 [label="w\\n[2] FLOAT64", style=filled, fillcolor=lightblue];
                  t1 [label="constant\\n[2] FLOAT64", style=filled, fillcolor=lightgrey];
                  t2 [label="MulBackward\\n[2] FLOAT64"];
                  t3 [label="SumBackward\\n[] FLOAT64", peripheries=2];
                  t0 -> t2;
                  t1 -> t2;
                  t2 -> t3;
                }
                """, Graphs.toDot(loss, Map.of("w", w)));
    }

    @Test
    void aTensorUsedTwiceIsOneBoxWithTwoArrows() {
        Tensor a = Tensor.of(new float[] {1, 2}, 1, 2).requiresGrad(true);
        Tensor y = a.mul(a);
        assertEquals("""
                digraph autograd {
                  node [shape=box, fontname="monospace", fontsize=10];
                  t0 [label="leaf\\n[1, 2] FLOAT32", style=filled, fillcolor=lightblue];
                  t1 [label="MulBackward (\\"y\\")\\n[1, 2] FLOAT32", peripheries=2];
                  t0 -> t1;
                  t0 -> t1;
                }
                """, Graphs.toDot(y, Map.of("\"y\"", y)));
    }

    @Test
    void aLeafAlone() {
        assertEquals("""
                digraph autograd {
                  node [shape=box, fontname="monospace", fontsize=10];
                  t0 [label="constant\\n[] FLOAT64", style=filled, fillcolor=lightgrey, peripheries=2];
                }
                """, Graphs.toDot(Tensor.scalar(1)));
    }

    @Test
    void aReleasedGraphIsAnError() {
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor loss = w.exp().sum();
        loss.backward();
        assertEquals("toDot: the graph was released by a backward pass (tensor produced by SumBackward); draw it"
                + " before backward, or pass retainGraph=true",
                assertThrows(IllegalStateException.class, () -> Graphs.toDot(loss)).getMessage());
    }
}
