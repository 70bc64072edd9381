package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.optim.AdamW;
import org.autograd4j.nn.optim.CosineAnnealingLr;
import org.autograd4j.nn.optim.LinearLr;
import org.autograd4j.nn.optim.LrScheduler;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.ParamGroup;
import org.autograd4j.nn.optim.SequentialLr;
import org.junit.jupiter.api.Test;

/**
 * The README's nn example (parameter groups, a warm-up then cosine schedule), compiled and run here, as the core's
 * {@code ReadmeExampleTest} does for the first example: the README must quote the code between the markers verbatim
 * (indentation removed), and each {@code println} must print the comment line under it.
 */
class NnReadmeExampleTest {
    private static final Path SELF = Path.of("src", "test", "java", "org", "autograd4j", "nn",
            "NnReadmeExampleTest.java");

    @Test
    void exampleRunsAndPrintsWhatItsCommentsSay() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example();
        } finally {
            System.setOut(stdout);
        }
        List<String> expected = ReadmeSnippets.expectedPrints(snippet());
        assertEquals(expected, captured.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void readmeQuotesTheExampleVerbatim() throws IOException {
        ReadmeSnippets.assertQuoted(snippet(), "NnReadmeExampleTest");
    }

    private static void example() {
        // README-NN-EXAMPLE-START
        Sequential model = new Sequential(new Linear(4, 16), new ReLU(), new Linear(16, 3));
        List<Tensor> weights = new ArrayList<>();
        List<Tensor> biases = new ArrayList<>();
        model.namedParameters().forEach((name, p) -> (name.endsWith("bias") ? biases : weights).add(p));

        Optimizer opt = AdamW.builder(
                        ParamGroup.of(weights),                        // the builder's weight decay, 0.01
                        ParamGroup.of(biases).weightDecay(0))          // no decay on biases
                .lr(1e-3).weightDecay(0.01).build();
        LrScheduler warmup = new LinearLr(opt, 0.1, 1.0, 5);           // 1e-4 rising to 1e-3 over 5 steps
        LrScheduler cosine = new CosineAnnealingLr(opt, 95, 1e-5);     // then down to 1e-5 over 95
        LrScheduler schedule = new SequentialLr(opt, List.of(warmup, cosine), List.of(5));
        System.out.println(opt.learningRate(0) + " " + opt.learningRate(1));
        // 1.0E-4 1.0E-4

        for (int step = 0; step < 5; step++) {
            // forward, loss, backward and opt.step() on one batch, then:
            schedule.step();                                           // Trainer: StepInterval.BATCH
        }
        System.out.println(opt.learningRate(0) + " " + opt.learningRate(1));
        // 0.001 0.001
        // README-NN-EXAMPLE-END
    }

    /** The lines between the markers, their common indentation removed. */
    private static List<String> snippet() {
        return ReadmeSnippets.snippet(SELF, "README-NN-EXAMPLE");
    }
}
