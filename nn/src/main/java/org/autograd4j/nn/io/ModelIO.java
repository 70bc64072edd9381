package org.autograd4j.nn.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Map;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ModuleRegistry;
import org.autograd4j.nn.ModuleSpec;
import org.autograd4j.nn.optim.LrScheduler;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.SchedulerState;

/**
 * Saves and loads models: architecture, weights, optionally optimizer state and metadata, in one versioned binary file
 * from which the model is rebuilt without the code that built it.
 *
 * <pre>{@code
 * ModelIO.save(Path.of("model.ag4j"), model, optimizer);
 * Checkpoint c = ModelIO.load(Path.of("model.ag4j"));
 * c.model().eval().forward(x);   // the same predictions as model.eval().forward(x)
 * }</pre>
 *
 * <h2>File format, version 2</h2>
 * All numbers are big-endian; a <i>string</i> is an int32 byte count followed by that many UTF-8 bytes.
 * <pre>
 * offset   size  content
 * 0        4     magic: the ASCII bytes "AG4J"
 * 4        4     format version, int32 (2)
 * 8        8     total file length in bytes, int64 (header and checksum included)
 * 16       ...   metadata:     int32 n, then n × (string key, string value)
 *                architecture: a module record: string type, int32 n, n × (string key, string value) for its
 *                              configuration (sorted by key), int32 m, m × (string name, module record) for its
 *                              children, as {@link Module#describe()} gives them ({@link ModuleSpec})
 *                weights:      int32 n, then n × (string dotted name, e.g. "layers.0.weight" or a buffer's
 *                              "layers.1.running_mean", each module's parameters then its buffers; uint8 dtype,
 *                              0 = FLOAT32, 1 = FLOAT64, 2 = INT64; int32 rank; rank × int64 dimension; the values
 *                              in row-major order as float32, float64 or int64)
 *                optimizer:    uint8 0 (none), or 1 followed by string type, int32 n × (string name, float64 value)
 *                              hyperparameters, int32 m × (string name, int32 length, length × float64) buffers
 *                scheduler:    (since version 2) uint8 0 (none), or 1 followed by string type, int32 n ×
 *                              (string name, float64 value), as {@link LrScheduler#state()} gives them
 * end - 4  4     CRC32 of every preceding byte, as an int32
 * </pre>
 * A reader accepts versions up to its own; a later version (a new record, say) increments the version number. Version
 * 1 is version 2 without the scheduler record; its files load as they did.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Atomic writes: the bytes are built in memory first (so a module that cannot be described fails before any
 *       file is touched), written to a temporary file in the target's directory, forced to disk, and moved over the
 *       target atomically. A crash leaves either the old file or the new one, and a failed save deletes its temporary
 *       file.</li>
 *   <li>Clean failures: a truncated, corrupted (checksum mismatch), foreign (bad magic) or future-version file, or one
 *       whose architecture cannot be rebuilt, raises a {@link ModelFormatException} (an {@link IOException}) naming the
 *       file and the problem; a model is returned only when the whole file was read and checked. A file that passes
 *       the checksum but lies (an architecture that declares more weights than the file stores) is refused before
 *       any module is built, so a forged size cannot exhaust memory.</li>
 *   <li>Describable models only: every built-in module describes itself; saving a module that does not (a
 *       user-defined subclass without {@link Module#describe()} and a {@link ModuleRegistry} factory) throws an
 *       {@link IllegalArgumentException} naming its class.</li>
 * </ul>
 */
public final class ModelIO {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ModelIO() {
    }

    /**
     * Saves the model alone; see {@link #save(Path, Module, Optimizer, Map)}.
     *
     * @param file where to write; replaced atomically
     * @param model the model to save; every module in it must be describable
     * @throws IOException if writing fails; {@code file} is then unchanged
     */
    public static void save(Path file, Module model) throws IOException {
        save(file, model, null, Map.of());
    }

    /**
     * Saves the model and, if not null, the optimizer's state; see {@link #save(Path, Module, Optimizer, Map)}.
     *
     * @param file where to write; replaced atomically
     * @param model the model to save; every module in it must be describable
     * @param optimizer the optimizer whose state is saved too, or null
     * @throws IOException if writing fails; {@code file} is then unchanged
     */
    public static void save(Path file, Module model, Optimizer optimizer) throws IOException {
        save(file, model, optimizer, Map.of());
    }

    /**
     * Saves the model's architecture and weights, the optimizer's state (if {@code optimizer} is not null) and the
     * metadata, atomically replacing {@code file}.
     *
     * @param file      the target; its directory must exist
     * @param model     a model whose modules all describe themselves
     * @param optimizer null, or the optimizer whose {@link Optimizer#state()} is saved
     * @param metadata  key-value pairs stored as they are (e.g. epoch, accuracy); may be empty
     * @throws IllegalArgumentException if the model cannot be described (naming the module's class)
     * @throws IOException              if writing fails; {@code file} is then unchanged
     */
    public static void save(Path file, Module model, Optimizer optimizer, Map<String, String> metadata)
            throws IOException {
        save(file, model, optimizer, null, metadata);
    }

    /**
     * Saves as {@link #save(Path, Module, Optimizer, Map)} does, and the scheduler's {@link LrScheduler#state()} if
     * {@code scheduler} is not null, so that a resumed run continues its learning-rate schedule
     * ({@link Checkpoint#schedulerState()}).
     *
     * @param file where to write; replaced atomically
     * @param model the model to save; every module in it must be describable
     * @param optimizer the optimizer whose state is saved too, or null
     * @param scheduler the learning-rate scheduler whose state is saved too, or null
     * @param metadata key-value pairs stored with the model (e.g. class names), or null
     * @throws IllegalArgumentException if the model cannot be described or the scheduler cannot export its state
     * @throws IOException              if writing fails; {@code file} is then unchanged
     */
    public static void save(Path file, Module model, Optimizer optimizer, LrScheduler scheduler,
            Map<String, String> metadata) throws IOException {
        if (file == null || model == null) {
            throw new IllegalArgumentException("ModelIO.save: file and model must not be null");
        }
        byte[] bytes;
        try {
            bytes = ModelEncoder.encode(model, optimizer == null ? null : optimizer.state(),
                    scheduler == null ? null : SchedulerState.of(scheduler), ModelEncoder.metadata(metadata));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ModelIO.save: " + file + ": " + e.getMessage(), e);
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        // Not Files.createTempFile: it creates the file owner-only, and the model file would keep those permissions.
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        boolean created = false;
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                created = true;
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (created && !moved) {
                Files.deleteIfExists(tmp);
            }
        }
        syncDirectory(dir);
    }

    /** Makes the rename itself durable where the platform allows syncing a directory (Linux does; others may not). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the file's own data was already forced; only the rename's durability is at stake.
        }
    }

    /**
     * Loads a model saved by {@link #save} (format version 1 or 2): rebuilds the architecture, sets the weights and
     * buffers (with their saved dtypes) and returns them with the optimizer and scheduler states and metadata.
     *
     * @param file a file written by {@link #save}
     * @return the rebuilt model with its saved states and metadata
     * @throws ModelFormatException if the file is truncated, corrupted, foreign, of a newer version, or its
     *                              architecture cannot be rebuilt (the message names the file and the problem)
     * @throws IOException          if the file cannot be read
     */
    public static Checkpoint load(Path file) throws IOException {
        return load(file, (architecture, metadata) -> {
        });
    }

    /**
     * Loads a model as {@link #load(Path)} does, after {@code validator} has accepted its architecture and metadata:
     * it runs once the checksum and every record were read and checked, before any module is built, so that a file
     * whose metadata contradicts its architecture (a class count the output layer does not have, say) fails without
     * allocating a network.
     *
     * @param file a file written by {@link #save}
     * @param validator throws {@link IllegalArgumentException} naming the field that does not fit; that becomes a
     *                  {@link ModelFormatException} naming the file
     * @return the rebuilt model with its saved states and metadata
     * @throws ModelFormatException as {@link #load(Path)}, or when the validator refuses the file
     * @throws IOException          if the file cannot be read
     */
    public static Checkpoint load(Path file, Validator validator) throws IOException {
        if (file == null || validator == null) {
            throw new IllegalArgumentException("ModelIO.load: file and validator must not be null");
        }
        return ModelDecoder.decode(file, Files.readAllBytes(file), validator);
    }

    /** A check of a model file's architecture and metadata before the model is built. */
    @FunctionalInterface
    public interface Validator {
        /**
         * Checks what a file declares.
         *
         * @param architecture the model's description, as {@link Module#describe()} gave it
         * @param metadata     the metadata saved with it
         * @throws IllegalArgumentException naming the field that does not fit
         */
        void check(ModuleSpec architecture, Map<String, String> metadata);
    }
}
