package org.autograd4j.nn.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ModuleRegistry;
import org.autograd4j.nn.ModuleSpec;
import org.autograd4j.nn.optim.OptimizerState;
import org.autograd4j.nn.optim.SchedulerState;

/** Writes the bytes of a model file (the layout is documented on {@link ModelIO}); {@link ModelDecoder} reads them. */
final class ModelEncoder {
    static final byte[] MAGIC = {'A', 'G', '4', 'J'};
    static final int VERSION = 2;
    /** The first version with the scheduler record (files of version 1 end after the optimizer record). */
    static final int SCHEDULER_SINCE = 2;
    /** Magic, version, total length. */
    static final int HEADER = 16;
    static final int CHECKSUM = 4;
    static final int FLOAT32 = 0;
    static final int FLOAT64 = 1;
    /** INT64 tensors (indices, counts) are written as int64 values. */
    static final int INT64 = 2;

    private ModelEncoder() {
    }

    /**
     * The whole file's bytes. Describing the model happens first, so a model that cannot be described fails here,
     * before any file is touched.
     *
     * @throws IllegalArgumentException if the model or one of its sub-modules cannot be described or rebuilt
     */
    static byte[] encode(Module model, OptimizerState optimizer, SchedulerState scheduler,
            Map<String, String> metadata) {
        ModuleSpec spec = model.describe();
        ModuleRegistry.checkBuildable(spec);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(metadata.size());
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            writeSpec(out, spec);
            Map<String, Tensor> tensors = model.stateDict(); // a copy: Module keeps its live tensors to itself
            out.writeInt(tensors.size());
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                writeTensor(out, e.getKey(), e.getValue());
            }
            writeOptimizer(out, optimizer);
            writeScheduler(out, scheduler);
        } catch (IOException e) {
            throw new UncheckedIOException("ModelIO.save: writing to memory failed (a bug)", e);
        }
        byte[] b = body.toByteArray();
        long total = (long) HEADER + b.length + CHECKSUM;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ModelIO.save: the model needs " + total + " bytes; at most 2 GiB fit");
        }
        byte[] file = new byte[(int) total];
        System.arraycopy(MAGIC, 0, file, 0, 4);
        putInt(file, 4, VERSION);
        putLong(file, 8, total);
        System.arraycopy(b, 0, file, HEADER, b.length);
        putInt(file, file.length - CHECKSUM, (int) crc(file, file.length - CHECKSUM));
        return file;
    }

    static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void writeSpec(DataOutputStream out, ModuleSpec spec) throws IOException {
        writeString(out, spec.type());
        out.writeInt(spec.config().size());
        for (Map.Entry<String, String> e : spec.config().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        out.writeInt(spec.children().size());
        for (Map.Entry<String, ModuleSpec> e : spec.children().entrySet()) {
            writeString(out, e.getKey());
            writeSpec(out, e.getValue());
        }
    }

    private static void writeTensor(DataOutputStream out, String name, Tensor t) throws IOException {
        writeString(out, name);
        boolean single = t.dtype() == DType.FLOAT32;
        boolean integer = t.dtype() == DType.INT64;
        out.writeByte(single ? FLOAT32 : integer ? INT64 : FLOAT64);
        long[] shape = t.shape();
        out.writeInt(shape.length);
        for (long d : shape) {
            out.writeLong(d);
        }
        if (integer) {
            for (long v : t.toLongArray()) {
                out.writeLong(v);
            }
            return;
        }
        for (double v : t.toDoubleArray()) {
            if (single) {
                out.writeFloat((float) v);
            } else {
                out.writeDouble(v);
            }
        }
    }

    private static void writeOptimizer(DataOutputStream out, OptimizerState state) throws IOException {
        if (state == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        writeString(out, state.type());
        out.writeInt(state.hyperparameters().size());
        for (Map.Entry<String, Double> e : state.hyperparameters().entrySet()) {
            writeString(out, e.getKey());
            out.writeDouble(e.getValue());
        }
        out.writeInt(state.buffers().size());
        for (Map.Entry<String, double[]> e : state.buffers().entrySet()) {
            writeString(out, e.getKey());
            out.writeInt(e.getValue().length);
            for (double v : e.getValue()) {
                out.writeDouble(v);
            }
        }
    }

    private static void writeScheduler(DataOutputStream out, SchedulerState state) throws IOException {
        if (state == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        writeString(out, state.type());
        out.writeInt(state.values().size());
        for (Map.Entry<String, Double> e : state.values().entrySet()) {
            writeString(out, e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    /** Checks metadata keys and values for nulls and returns an ordered copy. */
    static Map<String, String> metadata(Map<String, String> metadata) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (metadata != null) {
            metadata.forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new IllegalArgumentException("ModelIO.save: metadata has a null key or value: " + k + "="
                            + v);
                }
                copy.put(k, v);
            });
        }
        return copy;
    }

    static boolean startsWithMagic(byte[] bytes) {
        return bytes.length >= 4 && Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC);
    }

    static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
