package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** gradcheck prints whether backprop agrees with central differences, and the worst relative error. */
class GradcheckCommandTest {
    @Test
    void defaultNetworkPasses() {
        String out = run("gradcheck").assertOk().out();
        assertTrue(out.startsWith("gradcheck: passed: 1554 parameters in 6 tensors, 8 rows of wdbc, loss"
                + " cross-entropy"), out);
        Matcher m = Pattern.compile("worst relative error (\\S+),").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) < 1e-3, out);
    }

    @Test
    void everyLossAndActivation() {
        assertTrue(run("gradcheck", "circles", "--hidden", "6", "--loss", "bce", "--activation", "tanh").assertOk()
                .out().startsWith("gradcheck: passed"));
        assertTrue(run("gradcheck", "diabetes", "--hidden", "5,3", "--activation", "gelu").assertOk().out()
                .contains("loss mse"));
        assertTrue(run("gradcheck", "iris", "--hidden", "4", "--activation", "sigmoid", "--rows", "5").assertOk()
                .out().contains("5 rows of iris"));
    }

    @Test
    void refusesWhatItCannotCheck() {
        assertTrue(run("gradcheck", "iris", "--activation", "prelu").assertUsageError().err()
                .contains("cannot check a PReLU layer"));
        assertTrue(run("gradcheck", "--rows", "0").assertUsageError().err().contains("--rows must be >= 1"));
        assertTrue(run("gradcheck", "iris", "--loss", "mse").assertUsageError().err()
                .contains("loss mse is for regression but iris is a classification problem"));
    }
}
