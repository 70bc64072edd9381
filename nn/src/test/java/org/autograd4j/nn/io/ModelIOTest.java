package org.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Dropout;
import org.autograd4j.nn.ELU;
import org.autograd4j.nn.GELU;
import org.autograd4j.nn.Identity;
import org.autograd4j.nn.Init;
import org.autograd4j.nn.LeakyReLU;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.LogSoftmax;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ModuleRegistry;
import org.autograd4j.nn.ModuleSpec;
import org.autograd4j.nn.PReLU;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;
import org.autograd4j.nn.Sigmoid;
import org.autograd4j.nn.Softmax;
import org.autograd4j.nn.Tanh;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.OptimizerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save → load → identical predictions for every layer type; clean failures on bad files; atomic writes. */
class ModelIOTest {
    @TempDir
    Path dir;

    @Test
    void everyLayerTypeLoadsBackWithIdenticalPredictions() throws IOException {
        Random rng = new Random(4);
        List<Module> models = new ArrayList<>(List.of(
                new Linear(5, 3, Activation.RELU, rng),
                new Linear(5, 3, false, Init.xavierNormal(), rng),
                Mlp.builder().sizes(5, 7, 4, 3).hiddenActivation(Activation.GELU).dropout(0.3)
                        .outputActivation(Activation.LOG_SOFTMAX).seed(5).build(),
                Mlp.builder().sizes(5, 6, 1).bias(false).outputActivation(Activation.SIGMOID).seed(6).build(),
                new Sequential(new Linear(5, 4, Activation.TANH, rng), new Tanh(),
                        new Sequential(new Linear(4, 4, Activation.NONE, rng), new Dropout(0.5, rng),
                                new PReLU(4, 0.1)),
                        new Linear(4, 3, Activation.NONE, rng), new Softmax(1))));
        for (Activation a : Activation.values()) {
            models.add(new Sequential(new Linear(5, 3, a, rng), a.module()));
            models.add(Mlp.builder().sizes(5, 4, 3).hiddenActivation(a).outputActivation(a).seed(a.ordinal()).build());
        }
        for (Module m : List.of(new LeakyReLU(0.3), new ELU(0.4), new GELU(true), new LogSoftmax(0), new Identity(),
                new ReLU(), new Sigmoid(), new Dropout(0.2, rng))) {
            models.add(new Sequential(new Linear(5, 3, Activation.NONE, rng), m));
        }
        Tensor x = Tensor.randn(new Random(8), 6, 5);
        for (Module model : models) {
            perturbWeights(model, rng);
            Path file = dir.resolve("model.ag4j");
            ModelIO.save(file, model);
            Module loaded = ModelIO.load(file).model();
            assertEquals(model.describe(), loaded.describe());
            assertEquals(model.namedParameters().keySet(), loaded.namedParameters().keySet());
            assertArrayEquals(predict(model, x), predict(loaded, x), 0.0, model.describe().toString());
        }
    }

    @Test
    void optimizerStateMetadataAndDtypesRoundTrip() throws IOException {
        Mlp model = Mlp.builder().sizes(3, 4, 2).seed(1).build();
        model.to(DType.FLOAT32);
        OptimizerState state = new OptimizerState("Adam", Map.of("lr", 1e-3, "beta1", 0.9),
                Map.of("step", new double[] {7}, "0.exp_avg", new double[] {0.1, -0.2, Math.PI}));
        Path file = dir.resolve("ckpt.ag4j");
        ModelIO.save(file, model, new FixedOptimizer(state), Map.of("epoch", "12", "note", "ünïcode"));
        Checkpoint c = ModelIO.load(file);
        assertEquals(Map.of("epoch", "12", "note", "ünïcode"), c.metadata());
        assertEquals("Adam", c.optimizerState().type());
        assertEquals(state.hyperparameters(), c.optimizerState().hyperparameters());
        assertArrayEquals(state.buffers().get("0.exp_avg"), c.optimizerState().buffers().get("0.exp_avg"), 0);
        for (Tensor p : c.model().parameters()) {
            assertEquals(DType.FLOAT32, p.dtype());
            assertTrue(p.requiresGrad());
        }
        Tensor x = Tensor.randn(new Random(2), 4, 3).to(DType.FLOAT32);
        assertArrayEquals(predict(model, x), predict(c.model(), x), 0.0);
        ModelIO.save(file, model);
        assertNull(ModelIO.load(file).optimizerState());
    }

    @Test
    void truncatedCorruptedForeignAndFutureFilesFailNamingTheFile() throws IOException {
        Path file = dir.resolve("good.ag4j");
        ModelIO.save(file, new Sequential(new Linear(4, 3), new ReLU()));
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {0, 2, 10, good.length / 2, good.length - 1}) {
            expectFailure(java.util.Arrays.copyOf(good, length), "truncated");
        }
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        expectFailure(flipped, "corrupted: CRC32 checksum mismatch");
        expectFailure("PK\u0003\u0004 not a model at all".getBytes(), "not an autograd4j model file");
        byte[] future = good.clone();
        ModelEncoder.putInt(future, 4, 3);
        expectFailure(future, "format version 3 is newer than this library reads (up to 2)");
        byte[] unknown = replace(good, "ReLU", "ReLX");
        ModelEncoder.putInt(unknown, unknown.length - 4, (int) ModelEncoder.crc(unknown, unknown.length - 4));
        expectFailure(unknown, "unknown module type 'ReLX'");
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);
        expectFailure(longer, "corrupted");
    }

    @Test
    void anArchitectureFarLargerThanTheStoredWeightsFailsBeforeAnythingIsBuilt() throws IOException {
        Path file = dir.resolve("liar.ag4j");
        // Describes itself as a Linear of 2e9 × 2e9 inputs (32 EB of weights) but holds 6 values: a forged file that
        // passes the checksum.
        ModelIO.save(file, new Liar("2000000000"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(file));
        assertEquals("ModelIO.load: " + file + ": the architecture declares 4000000002000000000 weights (Linear:"
                + " bias=true, in=2000000000, out=2000000000) but the file stores 6 values", e.getMessage());
        ModelIO.save(file, new Sequential(new Linear(2, 2), new Liar("3")));
        e = assertThrows(ModelFormatException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().endsWith("the architecture declares 18 weights but the file stores 12 values"),
                e.getMessage());
    }

    @Test
    void aValidatorSeesArchitectureAndMetadataBeforeTheModelIsBuilt() throws IOException {
        Path file = dir.resolve("meta.ag4j");
        ModelIO.save(file, new Linear(4, 3), null, java.util.Map.of("classes", "a\tb"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(file, (spec, meta) -> {
            if (spec.integer("out") != meta.get("classes").split("\t").length) {
                throw new IllegalArgumentException("metadata 'classes' names 2 classes but the output layer has "
                        + spec.integer("out") + " units");
            }
        }));
        assertEquals("ModelIO.load: " + file + ": metadata 'classes' names 2 classes but the output layer has 3 units",
                e.getMessage());
        assertEquals(3, ((Linear) ModelIO.load(file, (spec, meta) -> { }).model()).describe().integer("out"));
    }

    @Test
    void aModuleThatCannotBeDescribedFailsBeforeTouchingTheFile() throws IOException {
        Path file = dir.resolve("model.ag4j");
        ModelIO.save(file, new Linear(2, 2));
        byte[] before = Files.readAllBytes(file);
        Module custom = new Sequential(new Linear(2, 2), new Undescribable());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelIO.save(file, custom));
        assertTrue(e.getMessage().contains(Undescribable.class.getName()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), listDir());
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "x");
        assertThrows(IOException.class, () -> ModelIO.save(target, new Linear(2, 2)));
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void aUserModuleWithAFactoryRoundTrips() throws IOException {
        ModuleRegistry.register("test.Scaled", s -> new Scaled(s.number("factor")));
        Path file = dir.resolve("scaled.ag4j");
        ModelIO.save(file, new Sequential(new Linear(2, 2), new Scaled(2.5)));
        Module loaded = ModelIO.load(file).model();
        assertEquals("test.Scaled{factor=2.5}", ((Sequential) loaded).get(1).describe().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleRegistry.register("Linear", s -> new Identity()));
        assertEquals("ModuleRegistry.register: 'Linear' is a built-in type", e.getMessage());
    }

    private void expectFailure(byte[] bytes, String problem) throws IOException {
        Path bad = dir.resolve("bad.ag4j");
        Files.write(bad, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(bad));
        assertTrue(e.getMessage().startsWith("ModelIO.load: " + bad + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(bad, e.file());
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] out = bytes.clone();
        byte[] f = from.getBytes();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to.getBytes(), 0, out, i, f.length);
                return out;
            }
        }
        throw new AssertionError(from + " not found");
    }

    /** Moves every parameter away from its initial value, so a loaded model cannot match by accident. */
    private static void perturbWeights(Module model, Random rng) {
        for (Tensor p : model.parameters()) {
            if (p.dtype() == DType.FLOAT32) {
                float[] v = p.floatArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] += (float) (0.1 * rng.nextGaussian());
                }
            } else {
                double[] v = p.array();
                for (int i = 0; i < v.length; i++) {
                    v[i] += 0.1 * rng.nextGaussian();
                }
            }
        }
    }

    private static double[] predict(Module model, Tensor x) {
        model.eval();
        try (Autograd.Scope scope = Autograd.noGrad()) {
            return model.forward(x).toDoubleArray();
        }
    }

    /** A module that does not describe itself. */
    /** Holds a Linear(2, 2)'s six weights but describes itself as a Linear with {@code in = out = size}. */
    private static final class Liar extends Module {
        private final String size;

        Liar(String size) {
            this.size = size;
            registerParameter("weight", Tensor.zeros(2, 2).requiresGrad(true));
            registerParameter("bias", Tensor.zeros(2).requiresGrad(true));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }

        @Override
        public ModuleSpec describe() {
            return ModuleSpec.of("Linear", java.util.Map.of("in", size, "out", size, "bias", "true"));
        }
    }

    private static final class Undescribable extends Module {
        @Override
        public Tensor forward(Tensor x) {
            return x;
        }
    }

    /** A user module that describes itself and is registered. */
    private static final class Scaled extends Module {
        private final double factor;

        Scaled(double factor) {
            this.factor = factor;
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.mul(factor);
        }

        @Override
        public ModuleSpec describe() {
            return ModuleSpec.of("test.Scaled", Map.of("factor", Double.toString(factor)));
        }
    }

    /** An optimizer that only exports a fixed state. */
    private record FixedOptimizer(OptimizerState state) implements Optimizer {
        @Override
        public void step() {
        }

        @Override
        public void zeroGrad() {
        }

        @Override
        public List<Tensor> parameters() {
            return List.of();
        }

        @Override
        public double learningRate() {
            return state.hyperparameters().get("lr");
        }

        @Override
        public void setLearningRate(double lr) {
        }

        @Override
        public void loadState(OptimizerState s) {
        }
    }
}
