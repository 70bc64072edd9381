package org.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.BatchNorm1d;
import org.autograd4j.nn.Flatten;
import org.autograd4j.nn.LayerNorm;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;
import org.autograd4j.nn.Tanh;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.StepLr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format version 2 (buffers among the weights, the scheduler record) and backward compatibility: a file written by the
 * version-1 writer (committed as {@code model-v1.ag4j}) still loads.
 */
class ModelFormatVersionTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneFileStillLoads() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("model-v1.ag4j")) {
            bytes = in.readAllBytes();
        }
        assertEquals(1, ByteBuffer.wrap(bytes).getInt(4), "the fixture is a version-1 file");
        Path file = dir.resolve("old.ag4j");
        Files.write(file, bytes);
        Checkpoint c = ModelIO.load(file);
        // the fixture: Sequential(Linear(3, 4, TANH, rng), Tanh, Linear(4, 2, NONE, rng)) with rng = new Random(2024),
        // one Adam step (lr 0.01) on mean(forward(randn(Random(1), 5, 3))²), saved with metadata epoch=1
        assertEquals(Map.of("epoch", "1"), c.metadata());
        assertEquals("Adam", c.optimizerState().type());
        assertNull(c.schedulerState());
        Tensor y = c.model().forward(Tensor.of(new double[] {0.5, -1, 2}, 1, 3));
        assertArrayEquals(new double[] {0.5740844341118201, -1.6325533980699758}, y.toDoubleArray(), 0);
        Random rng = new Random(2024);
        Module fresh = new Sequential(new Linear(3, 4, Activation.TANH, rng), new Tanh(),
                new Linear(4, 2, Activation.NONE, rng));
        Optimizer opt = Adam.builder(fresh.parameters()).lr(0.01).build();
        fresh.forward(Tensor.randn(new Random(1), 5, 3)).square().mean().backward();
        opt.step();
        opt.loadState(c.optimizerState());
        for (Map.Entry<String, Tensor> e : fresh.namedParameters().entrySet()) {
            assertArrayEquals(e.getValue().toDoubleArray(), c.model().namedParameters().get(e.getKey())
                    .toDoubleArray(), 0, e.getKey());
        }
    }

    @Test
    void buffersAndSchedulerStateRoundTrip() throws IOException {
        Random rng = new Random(5);
        Sequential model = new Sequential(new Linear(3, 4, Activation.RELU, rng),
                new BatchNorm1d(4, 1e-4, OptionalDouble.empty(), true, true), new ReLU(), new LayerNorm(4),
                new Flatten(), new Linear(4, 2, Activation.NONE, rng));
        Optimizer opt = Adam.builder(model.parameters()).lr(0.1).build();
        StepLr sched = new StepLr(opt, 2, 0.5);
        for (int i = 0; i < 5; i++) {
            opt.zeroGrad();
            model.forward(Tensor.randn(rng, 8, 3)).square().mean().backward();
            opt.step();
            sched.step();
        }
        Path file = dir.resolve("bn.ag4j");
        ModelIO.save(file, model, opt, sched, Map.of());
        assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(file)).getInt(4));
        Checkpoint c = ModelIO.load(file);
        assertEquals(model.namedBuffers().keySet(), c.model().namedBuffers().keySet());
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            assertArrayEquals(e.getValue().toDoubleArray(), c.model().stateDict().get(e.getKey()).toDoubleArray(), 0,
                    e.getKey());
        }
        assertEquals(5.0, c.model().namedBuffers().get("1.num_batches_tracked").item());
        Tensor x = Tensor.randn(rng, 3, 3);
        assertArrayEquals(predict(model, x), predict(c.model(), x), 0);
        StepLr resumed = new StepLr(Adam.builder(c.model().parameters()).lr(0.1).build(), 2, 0.5);
        resumed.loadState(c.schedulerState());
        assertEquals(5, resumed.lastEpoch());
        assertEquals("StepLr", c.schedulerState().type());
    }

    private static double[] predict(Module model, Tensor x) {
        model.eval();
        try (Autograd.Scope scope = Autograd.noGrad()) {
            return model.forward(x).toDoubleArray();
        }
    }
}
