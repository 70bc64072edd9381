package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.CaptureException;
import org.autograd4j.core.CapturedStep;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;
import org.junit.jupiter.api.Test;

/** The README's capture-and-replay example, compiled and run: quoted verbatim, printing what its comments say. */
class CaptureReadmeExampleTest {
    private static final Path SELF = Path.of("src", "test", "java", "org", "autograd4j", "nn",
            "CaptureReadmeExampleTest.java");

    @Test
    void exampleRunsAndPrintsWhatItsCommentsSay() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            example();
        } finally {
            System.setOut(stdout);
        }
        assertEquals(ReadmeSnippets.expectedPrints(snippet()), printed.toString(StandardCharsets.UTF_8).lines()
                .toList());
    }

    @Test
    void readmeQuotesTheExampleVerbatim() throws IOException {
        ReadmeSnippets.assertQuoted(snippet(), "CaptureReadmeExampleTest");
    }

    private static void example() {
        // README-CAPTURE-EXAMPLE-START
        Sequential model = new Sequential(new Linear(3, 8, Activation.TANH, new Random(1)), new Tanh(),
                new Linear(8, 1, Activation.NONE, new Random(2)));
        Optimizer opt = Adam.builder(model.parameters()).lr(0.02).build();
        CapturedStep step = Autograd.capture(in -> {
            Tensor loss = Losses.mse(model.forward(in[0]), in[1]);
            loss.backward();                       // recorded too: each replay fills the parameters' grad()
            return loss;
        });
        Tensor x = Tensor.of(new double[][] {{0, 1, 2}, {1, 0, -1}, {2, 2, 0}, {-1, 1, 1}});
        Tensor y = x.sum(1, true).mul(0.5);        // made before capturing: data goes in as inputs
        double loss = 0;
        for (int i = 0; i < 300; i++) {
            opt.zeroGrad();
            loss = step.run(x, y).item();          // the first run captures, the others replay
            opt.step();                            // outside the step: it writes the parameters
        }
        System.out.println(step.captures() + " capture, loss below 1e-3: " + (loss < 1e-3));
        // 1 capture, loss below 1e-3: true

        CapturedStep peeking = Autograd.capture(in -> in[0].sum().item() > 0 ? in[0] : in[0].neg());
        try {
            peeking.run(x);
        } catch (CaptureException e) {             // data-dependent control flow cannot be replayed
            System.out.println(e.getMessage().substring(0, 69));
            // capture: the step read the values of a tensor of shape [] with item()
        }
        // README-CAPTURE-EXAMPLE-END
    }

    private static List<String> snippet() {
        return ReadmeSnippets.snippet(SELF, "README-CAPTURE-EXAMPLE");
    }
}
