package org.autograd4j.nn.io;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ModuleRegistry;
import org.autograd4j.nn.ModuleSpec;
import org.autograd4j.nn.optim.OptimizerState;
import org.autograd4j.nn.optim.SchedulerState;

/**
 * Reads a model file's bytes (the layout is documented on {@link ModelIO}) into a {@link Checkpoint}: first the
 * header and the checksum, then the body, then the model is rebuilt and its weights set. Any failure is a
 * {@link ModelFormatException}; a model is returned only when everything was read.
 */
final class ModelDecoder {
    private static final String OP = "ModelIO.load";
    private static final int MAX_DEPTH = 256;
    private final Path file;
    private final ByteBuffer in;

    private final int version;

    private ModelDecoder(Path file, byte[] bytes) {
        this.file = file;
        this.version = ByteBuffer.wrap(bytes).getInt(4);
        this.in = ByteBuffer.wrap(bytes, 0, bytes.length - ModelEncoder.CHECKSUM);
    }

    static Checkpoint decode(Path file, byte[] bytes, ModelIO.Validator validator) throws ModelFormatException {
        checkHeader(file, bytes);
        ModelDecoder d = new ModelDecoder(file, bytes);
        d.in.position(ModelEncoder.HEADER);
        try {
            return d.body(validator);
        } catch (BufferUnderflowException e) {
            throw new ModelFormatException(OP, file, "corrupted: a record runs past the end of the data", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFormatException(OP, file, "invalid content: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(Path file, byte[] b) throws ModelFormatException {
        byte[] magic = ModelEncoder.MAGIC;
        if (b.length < magic.length && Arrays.equals(b, Arrays.copyOf(magic, b.length))) {
            throw fail(file, "truncated: " + b.length + " bytes, shorter than the " + ModelEncoder.HEADER
                    + "-byte header");
        }
        if (!ModelEncoder.startsWithMagic(b)) {
            throw fail(file, "not an autograd4j model file: it starts with "
                    + Arrays.toString(Arrays.copyOf(b, Math.min(4, b.length))) + " instead of the magic 'AG4J'");
        }
        if (b.length < ModelEncoder.HEADER) {
            throw fail(file, "truncated: " + b.length + " bytes, shorter than the " + ModelEncoder.HEADER
                    + "-byte header");
        }
        ByteBuffer h = ByteBuffer.wrap(b);
        int version = h.getInt(4);
        if (version > ModelEncoder.VERSION) {
            throw fail(file, "format version " + version + " is newer than this library reads (up to "
                    + ModelEncoder.VERSION + "); use a newer autograd4j");
        }
        if (version < 1) {
            throw fail(file, "corrupted: invalid format version " + version);
        }
        long declared = h.getLong(8);
        if (b.length < declared) {
            throw fail(file, "truncated: " + b.length + " bytes, but the header declares " + declared);
        }
        if (b.length > declared || declared < ModelEncoder.HEADER + ModelEncoder.CHECKSUM) {
            throw fail(file, "corrupted: " + b.length + " bytes, but the header declares " + declared);
        }
        long stored = h.getInt(b.length - ModelEncoder.CHECKSUM) & 0xFFFFFFFFL;
        long computed = ModelEncoder.crc(b, b.length - ModelEncoder.CHECKSUM);
        if (stored != computed) {
            throw fail(file, "corrupted: CRC32 checksum mismatch (stored " + Long.toHexString(stored)
                    + ", computed " + Long.toHexString(computed) + ")");
        }
    }

    private static ModelFormatException fail(Path file, String problem) {
        return new ModelFormatException(OP, file, problem, null);
    }

    private Checkpoint body(ModelIO.Validator validator) throws ModelFormatException {
        int n = count("metadata entries");
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            metadata.put(string(), string());
        }
        ModuleSpec spec = spec(0);
        int tensorCount = count("tensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < tensorCount; i++) {
            String name = string();
            tensors.put(name, tensor(name));
        }
        OptimizerState optimizer = optimizer();
        SchedulerState scheduler = version >= ModelEncoder.SCHEDULER_SINCE ? scheduler() : null;
        if (in.hasRemaining()) {
            throw new ModelFormatException(OP, file, "corrupted: " + in.remaining()
                    + " unexpected bytes after the last record", null);
        }
        checkDeclaredSize(spec, tensors);
        try {
            validator.check(spec, java.util.Collections.unmodifiableMap(metadata));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(OP, file, e.getMessage(), e);
        }
        Module model;
        try {
            model = ModuleRegistry.build(spec);
        } catch (RuntimeException e) {
            throw new ModelFormatException(OP, file, "the architecture " + spec + " cannot be rebuilt: "
                    + e.getMessage(), e);
        }
        setWeights(model, tensors);
        return new Checkpoint(model, optimizer, scheduler, metadata);
    }

    /**
     * Refuses an architecture that declares more weights than the file stores, before anything is built (a forged
     * {@code Linear} of 100000 × 100000 would otherwise allocate 80 GB), naming the first module that declares more
     * than the whole file holds, with its fields.
     */
    private void checkDeclaredSize(ModuleSpec spec, Map<String, Tensor> tensors) throws ModelFormatException {
        long stored = 0;
        for (Tensor t : tensors.values()) {
            stored += t.size();
        }
        long declared = ModuleSizes.parameters(spec);
        if (declared > stored) {
            throw new ModelFormatException(OP, file, "the architecture declares " + ModuleSizes.describe(declared)
                    + " weights" + ModuleSizes.culprit(spec, "", stored) + " but the file stores " + stored
                    + " values", null);
        }
    }

    /** Sets the saved weights (names, shapes and dtypes, by {@link ModuleRegistry#loadWeights}). */
    private void setWeights(Module model, Map<String, Tensor> tensors) throws ModelFormatException {
        try {
            ModuleRegistry.loadWeights(model, tensors);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(OP, file, "the weights do not fit the architecture: " + e.getMessage(), e);
        }
    }

    private ModuleSpec spec(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the architecture is nested deeper than " + MAX_DEPTH + " levels");
        }
        String type = string();
        int n = count("config entries");
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            config.put(string(), string());
        }
        int m = count("children");
        Map<String, ModuleSpec> children = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            children.put(string(), spec(depth + 1));
        }
        return new ModuleSpec(type, config, children);
    }

    private Tensor tensor(String name) {
        int dtype = in.get();
        if (dtype != ModelEncoder.FLOAT32 && dtype != ModelEncoder.FLOAT64 && dtype != ModelEncoder.INT64) {
            throw new IllegalArgumentException("tensor '" + name + "' has unknown dtype code " + dtype);
        }
        int rank = count("dimensions of tensor '" + name + "'");
        long[] shape = new long[rank];
        long size = 1;
        int width = dtype == ModelEncoder.FLOAT32 ? 4 : 8;
        for (int i = 0; i < rank; i++) {
            shape[i] = in.getLong();
            if (shape[i] < 0 || (shape[i] > 0 && size > in.remaining() / width / shape[i])) {
                throw new IllegalArgumentException("tensor '" + name + "' has an impossible shape (dimension "
                        + shape[i] + ")");
            }
            size *= shape[i];
        }
        if (dtype == ModelEncoder.INT64) {
            long[] longs = new long[(int) size];
            for (int i = 0; i < longs.length; i++) {
                longs[i] = in.getLong();
            }
            return rank == 0 ? Tensor.of(longs).reshape() : Tensor.of(longs, shape);
        }
        double[] v = new double[(int) size];
        for (int i = 0; i < v.length; i++) {
            v[i] = dtype == ModelEncoder.FLOAT32 ? in.getFloat() : in.getDouble();
        }
        Tensor t = rank == 0 ? Tensor.scalar(v[0]) : Tensor.of(v, shape);
        return dtype == ModelEncoder.FLOAT32 ? t.to(DType.FLOAT32) : t;
    }

    private OptimizerState optimizer() {
        int present = in.get();
        if (present == 0) {
            return null;
        }
        if (present != 1) {
            throw new IllegalArgumentException("invalid optimizer flag " + present);
        }
        String type = string();
        int n = count("optimizer hyperparameters");
        Map<String, Double> hyper = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            hyper.put(string(), in.getDouble());
        }
        int m = count("optimizer buffers");
        Map<String, double[]> buffers = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            String name = string();
            int len = count("values of optimizer buffer '" + name + "'");
            if (len > in.remaining() / 8) {
                throw new IllegalArgumentException("optimizer buffer '" + name + "' claims " + len + " values");
            }
            double[] v = new double[len];
            for (int j = 0; j < len; j++) {
                v[j] = in.getDouble();
            }
            buffers.put(name, v);
        }
        return new OptimizerState(type, hyper, buffers);
    }

    private SchedulerState scheduler() {
        int present = in.get();
        if (present == 0) {
            return null;
        }
        if (present != 1) {
            throw new IllegalArgumentException("invalid scheduler flag " + present);
        }
        String type = string();
        int n = count("scheduler values");
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            values.put(string(), in.getDouble());
        }
        return new SchedulerState(type, values);
    }

    private String string() {
        int len = count("string bytes");
        if (len > in.remaining()) {
            throw new IllegalArgumentException("a string of " + len + " bytes runs past the end of the data");
        }
        byte[] b = new byte[len];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private int count(String what) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("invalid count of " + what + ": " + n);
        }
        return n;
    }
}
