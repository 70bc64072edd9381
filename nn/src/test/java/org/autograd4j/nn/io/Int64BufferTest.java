package org.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ModuleRegistry;
import org.autograd4j.nn.ModuleSpec;
import org.autograd4j.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An INT64 buffer (indices a module keeps) is saved and loaded as INT64, and stays INT64 through {@code Module.to}. */
class Int64BufferTest {
    @TempDir
    Path dir;

    @Test
    void anInt64BufferRoundTripsThroughAFile() throws IOException {
        ModuleRegistry.register("test.Remap", s -> new Remap());
        Remap remap = new Remap();
        remap.setIds(Tensor.of(new long[] {4, 0, -9007199254740992L}));
        Path file = dir.resolve("remap.ag4j");
        ModelIO.save(file, new Sequential(new Linear(2, 2), remap));
        Module loaded = ((Sequential) ModelIO.load(file).model()).get(1);
        Tensor ids = loaded.namedBuffers().get("ids");
        assertEquals(DType.INT64, ids.dtype());
        assertArrayEquals(new long[] {4, 0, -9007199254740992L}, ids.toLongArray());
    }

    @Test
    void moduleToConvertsOnlyFloatingTensors() {
        Remap remap = new Remap();
        remap.to(DType.FLOAT32);
        assertEquals(DType.INT64, remap.namedBuffers().get("ids").dtype());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> remap.to(DType.INT64));
        assertEquals("Module.to: only floating point dtypes are accepted, got INT64 (as in PyTorch); convert the"
                + " tensors that hold indices themselves", e.getMessage());
    }

    @Test
    void loadingAFractionIntoAnInt64BufferIsRefused() {
        Remap remap = new Remap();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> remap.loadStateDict(Map.of("ids", Tensor.of(new double[] {1, 2.5, 3}))));
        assertEquals("loadStateDict: 'ids' is INT64 in the model but the state holds 2.5 at position 1, which is not"
                + " a whole number within ±2^53", e.getMessage());
        remap.loadStateDict(Map.of("ids", Tensor.of(new double[] {7, 8, 9})));
        assertArrayEquals(new long[] {7, 8, 9}, remap.namedBuffers().get("ids").toLongArray());
    }

    /** A registered module that keeps an INT64 buffer of three ids. */
    private static final class Remap extends Module {
        Remap() {
            registerBuffer("ids", Tensor.of(new long[] {0, 1, 2}));
        }

        void setIds(Tensor ids) {
            setBuffer("ids", ids);
        }

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }

        @Override
        public ModuleSpec describe() {
            return ModuleSpec.of("test.Remap", Map.of());
        }
    }
}
