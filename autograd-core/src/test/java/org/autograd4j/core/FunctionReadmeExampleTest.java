package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's extension-point examples (a clipped ReLU with its own gradient; sin and cos as one function with two
 * outputs; a gradient hook and the graph as DOT),
 * compiled and run here; as in
 * {@link ReadmeExampleTest}, the README quotes the code between the markers verbatim and what it prints is what its
 * comments say.
 */
class FunctionReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SELF = Path.of("src", "test", "java", "org", "autograd4j", "core",
            "FunctionReadmeExampleTest.java");

    @Test
    void exampleRunsAndPrintsWhatItsCommentsSay() {
        assertEquals(expectedOutput("README-EXAMPLE"), printed(FunctionReadmeExampleTest::example));
    }

    @Test
    void multiOutputExampleRunsAndPrintsWhatItsCommentsSay() {
        assertEquals(expectedOutput("README-MULTI"), printed(FunctionReadmeExampleTest::multiOutput));
    }

    @Test
    void hooksAndGraphExampleRunsAndPrintsWhatItsCommentsSay() {
        assertEquals(expectedOutput("README-HOOKS"), printed(FunctionReadmeExampleTest::hooksAndGraph));
    }

    private static List<String> printed(Runnable code) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static void hooksAndGraph() {
        // README-HOOKS-START
        Tensor w = Tensor.of(new double[] {1, -2}).requiresGrad(true);
        HookHandle clip = w.registerHook(g -> g.clamp(-1, 1));             // clip this gradient during backward
        Tensor loss = w.mul(Tensor.of(new double[] {3, 4})).sum();
        System.out.println(Graphs.toDot(loss, Map.of("w", w)).strip());    // Graphviz: dot -Tpng graph.dot
        // digraph autograd {
        //   node [shape=box, fontname="monospace", fontsize=10];
        //   t0 [label="w\n[2] FLOAT64", style=filled, fillcolor=lightblue];
        //   t1 [label="constant\n[2] FLOAT64", style=filled, fillcolor=lightgrey];
        //   t2 [label="MulBackward\n[2] FLOAT64"];
        //   t3 [label="SumBackward\n[] FLOAT64", peripheries=2];
        //   t0 -> t2;
        //   t1 -> t2;
        //   t2 -> t3;
        // }
        loss.backward();
        System.out.println(w.grad());
        // tensor([1.0, 1.0], shape=[2], dtype=FLOAT64)
        clip.remove();
        // README-HOOKS-END
    }

    private static void multiOutput() {
        // README-MULTI-START
        // sin(x) and cos(x) from one call; backward gets one gradient per output
        class SinCos extends MultiOutputFunction {
            @Override
            protected Tensor[] forward(Function.Context ctx, Tensor... inputs) {
                ctx.saveForBackward(inputs[0]);
                return new Tensor[] {inputs[0].sin(), inputs[0].cos()};
            }

            @Override
            protected Tensor[] backward(Function.Context ctx, Tensor... gradOuts) {
                Tensor x = ctx.savedTensors().get(0);
                return new Tensor[] {gradOuts[0].mul(x.cos()).sub(gradOuts[1].mul(x.sin()))};
            }
        }

        Tensor x = Tensor.of(new double[] {0, 0}).requiresGrad(true);
        List<Tensor> sc = new SinCos().apply(x);
        System.out.println(sc.get(1));
        // tensor([1.0, 1.0], shape=[2], dtype=FLOAT64, grad_fn=<SinCosBackward>)
        sc.get(0).sum().backward();                         // cos is unused: its gradient arrives as zeros
        System.out.println(x.grad());                       // cos(0)
        // tensor([1.0, 1.0], shape=[2], dtype=FLOAT64)
        Tensor z = Tensor.of(new double[] {0.5, -1}).requiresGrad(true);
        GradCheck.Result second = GradCheck.checkSecondOrder(in -> {
            List<Tensor> out = new SinCos().apply(in.get(0));
            return out.get(0).mul(out.get(1)).sum();
        }, List.of(z));
        System.out.println(second.passed());
        // true
        // README-MULTI-END
    }

    private static void example() {
        // README-EXAMPLE-START
        // min(max(x, 0), 6) with its own gradient: 1 strictly inside (0, 6), 0 elsewhere
        class ClippedRelu extends Function {
            @Override
            protected Tensor forward(Context ctx, Tensor... inputs) {
                ctx.saveForBackward(inputs[0]);
                return inputs[0].clamp(0, 6);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor gradOut) {
                Tensor x = ctx.savedTensors().get(0);
                return new Tensor[] {gradOut.mul(x.gt(0).mul(x.lt(6)))};
            }
        }

        Tensor x = Tensor.of(new double[] {-1, 3, 8}).requiresGrad(true);
        Tensor y = new ClippedRelu().apply(x);
        System.out.println(y);
        // tensor([0.0, 3.0, 6.0], shape=[3], dtype=FLOAT64, grad_fn=<ClippedReluBackward>)
        y.mul(y).sum().backward();                                          // d/dx y² = 2y · clip'(x)
        System.out.println(x.grad());
        // tensor([0.0, 6.0, 0.0], shape=[3], dtype=FLOAT64)
        System.out.println(GradCheck.check(in -> new ClippedRelu().apply(in.get(0)).sum(), List.of(x)).passed());
        // true
        // README-EXAMPLE-END
    }

    @Test
    void readmeQuotesTheExamplesVerbatim() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (String marker : List.of("README-EXAMPLE", "README-MULTI", "README-HOOKS")) {
            String code = String.join("\n", snippet(marker));
            assertTrue(readme.contains("```java\n" + code + "\n```"),
                    "README.md must contain, in a ```java block, exactly this example from FunctionReadmeExampleTest:\n"
                            + code);
        }
    }

    private static List<String> expectedOutput(String marker) {
        return ReadmeExampleTest.expectedOutput(snippet(marker));
    }

    private static List<String> snippet(String marker) {
        return ReadmeExampleTest.snippet(SELF, marker);
    }
}
