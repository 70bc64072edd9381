package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Checks that a PNG the tool wrote is a real image of the expected size. */
final class CliImages {
    private CliImages() {
    }

    static void assertImage(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, () -> png + " is not an image ImageIO can read");
        assertEquals(width, image.getWidth(), png::toString);
        assertEquals(height, image.getHeight(), png::toString);
    }
}
