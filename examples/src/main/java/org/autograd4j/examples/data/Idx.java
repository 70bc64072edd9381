package org.autograd4j.examples.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the binary format MNIST is distributed in (big-endian): an image file is the int32 magic
 * {@value #IMAGES_MAGIC}, then count, rows and columns as int32, then {@code count·rows·cols} unsigned bytes; a label
 * file is the magic {@value #LABELS_MAGIC}, the count, then {@code count} unsigned bytes. Files ending in {@code .gz}
 * are decompressed on the fly.
 *
 * <p>Every check fails with an {@link IllegalArgumentException} that names the file and the problem: a wrong magic
 * number (e.g. a label file given as images), an impossible size, a file that ends early (truncated) or that goes on
 * after its last item.
 */
public final class Idx {
    /** The magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 2051;
    /** The magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 2049;

    private Idx() {
    }

    /**
     * Images read from an IDX file.
     *
     * @param count  the number of images
     * @param rows   the height of each image
     * @param cols   the width of each image
     * @param pixels {@code count·rows·cols} values 0–255, image after image, row-major
     */
    public record Images(int count, int rows, int cols, int[] pixels) {
        /**
         * The number of pixels in one image.
         *
         * @return rows times columns
         */
        public int pixelsPerImage() {
            return rows * cols;
        }
    }

    /**
     * Reads an image file.
     *
     * @param file an IDX image file, optionally gzip-compressed ({@code .gz})
     * @param limit read at most this many images (the rest of the file is still checked for its length); {@code < 0}
     *              for all
     * @return the images read
     * @throws IllegalArgumentException naming the file if it is missing, not an image file, or truncated
     */
    public static Images readImages(Path file, int limit) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC, "images");
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || (long) rows * cols > 1 << 20) {
                throw bad(file, "impossible dimensions " + count + " x " + rows + " x " + cols);
            }
            int keep = limit < 0 ? count : Math.min(limit, count);
            if ((long) keep * rows * cols > Integer.MAX_VALUE - 8) {
                throw bad(file, keep + " images of " + rows + " x " + cols + " are too many to hold in memory");
            }
            byte[] bytes = new byte[keep * rows * cols];
            readFully(file, in, bytes, "images", count);
            skipRest(file, in, (long) (count - keep) * rows * cols, "images", count);
            int[] pixels = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                pixels[i] = bytes[i] & 0xFF;
            }
            return new Images(keep, rows, cols, pixels);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads a label file.
     *
     * @param file  an IDX label file, optionally gzip-compressed ({@code .gz})
     * @param limit read at most this many labels; {@code < 0} for all
     * @return the labels, 0–255 each
     * @throws IllegalArgumentException naming the file if it is missing, not a label file, or truncated
     */
    public static int[] readLabels(Path file, int limit) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), LABELS_MAGIC, "labels");
            int count = in.readInt();
            if (count < 0) {
                throw bad(file, "impossible label count " + count);
            }
            int keep = limit < 0 ? count : Math.min(limit, count);
            byte[] bytes = new byte[keep];
            readFully(file, in, bytes, "labels", count);
            skipRest(file, in, count - keep, "labels", count);
            int[] labels = new int[keep];
            for (int i = 0; i < keep; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("idx: " + file + ": no such file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new DataInputStream(new BufferedInputStream(in, 1 << 16));
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static void checkMagic(Path file, int magic, int expected, String what) {
        if (magic != expected) {
            String seen = magic == IMAGES_MAGIC ? " (an image file)" : magic == LABELS_MAGIC ? " (a label file)" : "";
            throw bad(file, "magic number " + magic + seen + " where an IDX " + what + " file has " + expected);
        }
    }

    private static void readFully(Path file, DataInputStream in, byte[] bytes, String what, int count)
            throws IOException {
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw bad(file, "truncated: the header announces " + count + " " + what + " but the data ends early");
        }
    }

    private static void skipRest(Path file, DataInputStream in, long rest, String what, int count)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (rest > 0) {
            int n;
            try {
                n = in.read(buffer, 0, (int) Math.min(buffer.length, rest));
            } catch (EOFException e) {
                n = -1;
            }
            if (n < 0) {
                throw bad(file, "truncated: the header announces " + count + " " + what + " but the data ends early");
            }
            rest -= n;
        }
        if (in.read() >= 0) {
            throw bad(file, "the file goes on after the " + count + " " + what + " its header announces");
        }
    }

    private static IllegalArgumentException bad(Path file, String problem) {
        return new IllegalArgumentException("idx: " + file + ": " + problem);
    }

    private static RuntimeException unreadable(Path file, IOException e) {
        if (e instanceof EOFException) {
            return bad(file, "truncated: the file ends inside its header");
        }
        if (e instanceof ZipException) {
            return bad(file, "not a valid gzip file (" + e.getMessage() + ")");
        }
        if (e instanceof NoSuchFileException) {
            return new IllegalArgumentException("idx: " + file + ": no such file");
        }
        return new UncheckedIOException("idx: cannot read " + file + ": " + e.getMessage(), e);
    }
}
