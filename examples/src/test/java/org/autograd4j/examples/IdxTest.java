package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.autograd4j.examples.data.Idx;
import org.autograd4j.examples.data.MnistData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader checks magic numbers, sizes and truncation, with messages that name the file. */
class IdxTest {
    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, int payload) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < payload; i++) {
            out.writeByte(i % 251);
        }
        return b.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }

    @Test
    void readsImagesAndLabels() throws IOException {
        Idx.Images img = Idx.readImages(write("img.gz", idx(2051, new int[] {3, 2, 2}, 12)), -1);
        assertEquals(3, img.count());
        assertEquals(4, img.pixelsPerImage());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, img.pixels());
        assertArrayEquals(new int[] {0, 1}, Idx.readLabels(write("lab", idx(2049, new int[] {2}, 2)), -1));
        assertEquals(2, Idx.readImages(write("img2.gz", idx(2051, new int[] {3, 2, 2}, 12)), 2).count());
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path labels = write("labels.gz", idx(2049, new int[] {2}, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(labels, -1));
        assertEquals("idx: " + labels + ": magic number 2049 (a label file) where an IDX images file has 2051",
                e.getMessage());
    }

    @Test
    void truncatedAndOverlongFiles() throws IOException {
        Path shortFile = write("short.gz", idx(2051, new int[] {3, 2, 2}, 10));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.readImages(shortFile, -1)).getMessage()
                .contains("truncated: the header announces 3 images but the data ends early"));
        Path header = write("header", Arrays.copyOf(idx(2051, new int[] {3, 2, 2}, 0), 10));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.readImages(header, -1)).getMessage()
                .contains("truncated: the file ends inside its header"));
        Path longFile = write("long", idx(2049, new int[] {2}, 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(longFile, -1)).getMessage()
                .contains("goes on after the 2 labels"));
        byte[] gz = Files.readAllBytes(write("cut.gz", idx(2049, new int[] {5000}, 5000)));
        Path cut = dir.resolve("cut2.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(cut, -1)).getMessage()
                .contains("truncated"));
        Path notGzip = write("plain.gz", new byte[0]);
        Files.writeString(notGzip, "not gzip at all");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(notGzip, -1)).getMessage()
                .contains("not a valid gzip file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(dir.resolve("none"), -1))
                .getMessage().contains("no such file"));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        write(MnistData.TRAIN_IMAGES, idx(2051, new int[] {3, 28, 28}, 3 * 784));
        write(MnistData.TRAIN_LABELS, idx(2049, new int[] {2}, 2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MnistData.load(dir, -1, 0)).getMessage()
                .contains("has 3 images but " + MnistData.TRAIN_LABELS + " has 2 labels"));
    }

    @Test
    void theShippedMnistFiles() {
        MnistData.Split s = MnistData.load(CliRunner.mnistDir(), 10, 10);
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, s.train().classIndices());
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, s.test().classIndices());
        assertEquals(784, s.train().numFeatures());
    }
}
