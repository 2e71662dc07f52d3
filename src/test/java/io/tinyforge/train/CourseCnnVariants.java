package io.tinyforge.train;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.Init;
import io.tinyforge.cluster.WeightClusterer;
import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.quantize.FullIntegerQuantizer;
import io.tinyforge.quantize.IoType;
import io.tinyforge.quantize.Observers;
import io.tinyforge.quantize.WeightOnlyQuantizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The trained course CNN (test resource {@code models/course_cnn_fmnist.tflite}, made by the command in
 * docs/FIXTURES.md) and its compressed variants, built exactly as the CLI builds them (quantize, cluster), for
 * the host and QEMU comparisons with the Java reference on Fashion-MNIST test images.
 */
public final class CourseCnnVariants {
    /** The resource. */
    public static final String RESOURCE = "/models/course_cnn_fmnist.tflite";
    /** Calibration: the first 200 training images, as `quantize --calib` would get them. */
    public static final int CALIBRATION_IMAGES = 200;

    private CourseCnnVariants() {
    }

    /** Fashion-MNIST, or the test is skipped with a message when the dataset is not installed. */
    public static void requireDataset() {
        Assumptions.assumeTrue(ImageDatasets.present(ImageDatasets.DEBIAN_FASHION_MNIST),
                ImageDatasets.DEBIAN_FASHION_MNIST + " absent: apt install dataset-fashion-mnist to run this test");
    }

    /** The float32 course CNN. */
    public static Graph floatModel() throws IOException {
        try (InputStream in = CourseCnnVariants.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " missing");
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return TfliteImporter.parse(b.toByteArray(), "course_cnn_fmnist", RESOURCE);
        }
    }

    /**
     * Variant name → graph: float32, int8 (PTQ min/max, int8 io), dynamic, float16, float32 + k-means 4 bit and
     * int8 + k-means 4 bit (per tensor, linear init, as {@code cluster --bits 4}), and int8 + k-means 4 bit per
     * output channel ({@code cluster --bits 4 --per-channel}).
     */
    public static Map<String, Graph> all() throws IOException {
        Graph f = floatModel();
        LabeledImages train = ImageDatasets.train(ImageDatasets.DEBIAN_FASHION_MNIST).limit(CALIBRATION_IMAGES);
        List<float[][]> calib = new ArrayList<>();
        for (int i = 0; i < train.count(); i++) {
            calib.add(new float[][] {train.image(i)});
        }
        Graph int8 = FullIntegerQuantizer.quantize(f, calib, Observers.byName("minmax"), IoType.INT8).quantized();
        ClusterOptions k4 = new ClusterOptions(4, false, Init.LINEAR, 0, 300);
        Map<String, Graph> r = new LinkedHashMap<>();
        r.put("float32", f);
        r.put("int8", int8);
        r.put("dynamic", WeightOnlyQuantizer.dynamicRange(f, WeightOnlyQuantizer.CONVERTER_MIN_ELEMENTS).quantized());
        r.put("float16", WeightOnlyQuantizer.float16(f).quantized());
        r.put("float32_kmeans4", WeightClusterer.cluster(f, k4).graph());
        r.put("int8_kmeans4", WeightClusterer.cluster(int8, k4).graph());
        r.put("int8_kmeans4_per_channel",
                WeightClusterer.cluster(int8, new ClusterOptions(4, true, Init.LINEAR, 0, 300)).graph());
        return r;
    }

    /** The first {@code n} test images encoded for {@code g}'s input (float [0,1], or quantized), concatenated. */
    public static byte[] testInputs(Graph g, int n) {
        LabeledImages test = ImageDatasets.test(ImageDatasets.DEBIAN_FASHION_MNIST).limit(n);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < test.count(); i++) {
            b.writeBytes(ModelAccuracy.encode(g.tensor(g.inputs()[0]), test.image(i)));
        }
        return b.toByteArray();
    }
}
