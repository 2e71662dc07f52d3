package io.tinyforge.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.ModelException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX images/labels written by the test (plain and gzipped), their validation errors, and the real Fashion-MNIST. */
class IdxReaderTest {

    static byte[] images(int magic, int n, int rows, int cols, byte[] px) {
        return ByteBuffer.allocate(16 + px.length).putInt(magic).putInt(n).putInt(rows).putInt(cols).put(px).array();
    }

    static byte[] labels(int magic, int n, byte[] lb) {
        return ByteBuffer.allocate(8 + lb.length).putInt(magic).putInt(n).put(lb).array();
    }

    static void write(Path p, byte[] b) throws IOException {
        if (p.getFileName().toString().endsWith(".gz")) {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
                o.write(b);
            }
        } else {
            Files.write(p, b);
        }
    }

    /** A 3-image 2×4 split with pixel value 10*i + p and label (2 - i). */
    static void split(Path dir, String prefix, String ext) throws IOException {
        byte[] px = new byte[3 * 8];
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 8; p++) {
                px[i * 8 + p] = (byte) (10 * i + p + (p == 7 ? 200 : 0));
            }
        }
        write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), images(0x803, 3, 2, 4, px));
        write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), labels(0x801, 3, new byte[] {2, 1, 0}));
    }

    @Test
    void readsPlainAndGzippedSplitsFromADirectory(@TempDir Path dir) throws IOException {
        split(dir, "train", ".gz");
        split(dir, "t10k", "");
        assertTrue(ImageDatasets.present(dir));
        for (LabeledImages d : new LabeledImages[] {ImageDatasets.train(dir), ImageDatasets.test(dir)}) {
            assertEquals(3, d.count());
            assertEquals(2, d.rows());
            assertEquals(4, d.cols());
            assertEquals(2, d.label(0));
            assertEquals(0, d.label(2));
            assertEquals(3, d.classes());
            assertEquals(13 / 255f, d.pixel(1, 3));
            assertEquals(227 / 255f, d.pixel(2, 7), "unsigned pixel bytes");
            assertArrayEquals(new float[] {20 / 255f, 21 / 255f, 22 / 255f, 23 / 255f, 24 / 255f, 25 / 255f,
                26 / 255f, 227 / 255f}, d.image(2));
            assertEquals(2, d.limit(2).count());
            assertEquals(1, d.slice(1, 2).label(0));
        }
    }

    @Test
    void oneLineErrorsNameTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        Path img = dir.resolve("i");
        Path lab = dir.resolve("l");
        write(lab, labels(0x801, 3, new byte[] {0, 1, 2}));

        write(img, images(0x801, 3, 2, 4, new byte[24]));
        assertMessage(img + ": bad IDX magic 0x00000801, expected 0x00000803", () -> IdxReader.read(img, lab));

        write(img, images(0x803, 3, 2, 4, new byte[23]));
        assertMessage(img + ": truncated IDX file: 39 bytes, header promises 40", () -> IdxReader.read(img, lab));

        write(img, new byte[] {0, 0, 8, 3});
        assertMessage(img + ": truncated IDX file: 4 bytes, the header needs 16", () -> IdxReader.read(img, lab));

        write(img, images(0x803, 2, 2, 4, new byte[16]));
        assertMessage(lab + ": 3 labels for 2 images in i", () -> IdxReader.read(img, lab));

        write(img, images(0x803, 3, 2, 4, new byte[24]));
        write(lab, labels(0x801, 4, new byte[] {0, 1, 2}));
        assertMessage(lab + ": truncated IDX file: 11 bytes, header promises 12", () -> IdxReader.read(img, lab));

        Path gz = dir.resolve("x.gz");
        Files.write(gz, new byte[] {1, 2, 3});
        assertMessage(gz + ": not a valid gzip file", () -> IdxReader.read(gz, lab));

        assertMessage(dir + ": missing train-images-idx3-ubyte[.gz]", () -> ImageDatasets.train(dir));
        assertFalse(ImageDatasets.present(dir));
        assertMessage(dir.resolve("nope") + ": no such dataset directory",
                () -> ImageDatasets.test(dir.resolve("nope")));
        assertMessage("unknown dataset 'cifar'; known: fashion-mnist, mnist", () -> ImageDatasets.checkName("cifar"));
    }

    static void assertMessage(String prefix, org.junit.jupiter.api.function.Executable e) {
        ModelException ex = assertThrows(ModelException.class, e);
        assertTrue(ex.getMessage().startsWith(prefix), "message '" + ex.getMessage() + "' should start with '"
                + prefix + "'");
        assertFalse(ex.getMessage().contains("\n"), "one line: " + ex.getMessage());
    }

    @Test
    void realFashionMnistHasTheDocumentedSplits() {
        Path dir = ImageDatasets.DEBIAN_FASHION_MNIST;
        Assumptions.assumeTrue(ImageDatasets.present(dir),
                dir + " absent: apt install dataset-fashion-mnist to run this test");
        LabeledImages train = ImageDatasets.train(dir);
        LabeledImages test = ImageDatasets.test(dir);
        assertEquals(60000, train.count());
        assertEquals(10000, test.count());
        assertEquals(28, test.rows());
        assertEquals(28, test.cols());
        assertEquals(10, train.classes());
        int[] perClass = new int[10];
        for (int i = 0; i < test.count(); i++) {
            perClass[test.label(i)]++;
        }
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, perClass,
                "Fashion-MNIST's test set is balanced");
    }
}
