package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autograd4j.core.Tensor;
import org.autograd4j.examples.cli.run.ModelGradCheck;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.Sequential;
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
    void preluSlopesAreCheckedWithTheWeights() {
        String out = run("gradcheck", "iris", "--hidden", "4", "--activation", "prelu").assertOk().out();
        // 4·4 + 4 + 1 slope + 4·3 + 3 = 36 parameters in 5 tensors
        assertTrue(out.startsWith("gradcheck: passed: 36 parameters in 5 tensors, 8 rows of iris"), out);
    }

    @Test
    void refusesALayerWithParametersItCannotReplay() {
        Module custom = new Module() {
            private final Tensor scale = registerParameter("scale", Tensor.scalar(2.0).requiresGrad(true));

            @Override
            public Tensor forward(Tensor x) {
                return x.mul(scale);
            }
        };
        Module model = new Sequential(new Linear(3, 2), custom);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelGradCheck.check(model,
                Losses::mse, Tensor.ones(4, 3), Tensor.ones(4, 2)));
        assertTrue(e.getMessage().startsWith("cannot check a "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" layer: only Linear, PReLU and layers without parameters are supported"),
                e.getMessage());
    }

    @Test
    void refusesWhatItCannotCheck() {
        assertTrue(run("gradcheck", "--rows", "0").assertUsageError().err().contains("--rows must be >= 1"));
        assertTrue(run("gradcheck", "iris", "--loss", "mse").assertUsageError().err()
                .contains("loss mse is for regression but iris is a classification problem"));
    }
}
