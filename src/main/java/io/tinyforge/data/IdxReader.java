package io.tinyforge.data;

import io.tinyforge.ir.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST format): a big-endian header of magic {@code 0x00000803} (unsigned-byte images:
 * count, rows, cols) or {@code 0x00000801} (unsigned-byte labels: count), then the bytes. Files ending in
 * {@code .gz} are decompressed. Every problem is a one-line {@link ModelException} naming the file.
 */
public final class IdxReader {

    /** Magic of an unsigned-byte rank-3 IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic of an unsigned-byte rank-1 IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Reads an image file and its label file and checks that their counts agree. */
    public static LabeledImages read(Path images, Path labels) {
        byte[] img = bytes(images);
        byte[] lab = bytes(labels);
        ByteBuffer ib = header(images, img, IMAGES_MAGIC, 16);
        int n = ib.getInt(4);
        int rows = ib.getInt(8);
        int cols = ib.getInt(12);
        if (n < 0 || rows <= 0 || cols <= 0) {
            throw new ModelException(images + ": bad IDX dimensions " + n + "x" + rows + "x" + cols);
        }
        long need = 16L + (long) n * rows * cols;
        if (img.length < need) {
            throw new ModelException(images + ": truncated IDX file: " + img.length + " bytes, header promises "
                    + need + " (" + n + " images of " + rows + "x" + cols + ")");
        }
        ByteBuffer lb = header(labels, lab, LABELS_MAGIC, 8);
        int m = lb.getInt(4);
        if (m < 0 || lab.length < 8L + m) {
            throw new ModelException(labels + ": truncated IDX file: " + lab.length + " bytes, header promises "
                    + (8L + m) + " (" + m + " labels)");
        }
        if (m != n) {
            throw new ModelException(labels + ": " + m + " labels for " + n + " images in " + images.getFileName());
        }
        byte[] px = java.util.Arrays.copyOfRange(img, 16, (int) need);
        byte[] lbl = java.util.Arrays.copyOfRange(lab, 8, 8 + m);
        return new LabeledImages(n, rows, cols, px, lbl);
    }

    private static ByteBuffer header(Path p, byte[] b, int magic, int headerBytes) {
        if (b.length < headerBytes) {
            throw new ModelException(p + ": truncated IDX file: " + b.length + " bytes, the header needs "
                    + headerBytes);
        }
        ByteBuffer bb = ByteBuffer.wrap(b); // IDX is big-endian, ByteBuffer's default
        int got = bb.getInt(0);
        if (got != magic) {
            throw new ModelException(String.format("%s: bad IDX magic 0x%08x, expected 0x%08x (%s)", p, got, magic,
                    magic == IMAGES_MAGIC ? "unsigned-byte images" : "unsigned-byte labels"));
        }
        return bb;
    }

    /** The file's bytes, gunzipped when its name ends in .gz. */
    static byte[] bytes(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new ModelException(p + ": no such file");
        }
        try {
            if (!p.getFileName().toString().endsWith(".gz")) {
                return Files.readAllBytes(p);
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p), 1 << 16)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (java.io.EOFException e) {
            throw new ModelException(p + ": truncated gzip stream");
        } catch (java.util.zip.ZipException e) {
            throw new ModelException(p + ": not a valid gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ModelException(p + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
