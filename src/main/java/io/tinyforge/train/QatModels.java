package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.Graph;
import io.tinyforge.quantize.Calibrator;
import io.tinyforge.quantize.FullIntegerQuantizer;
import io.tinyforge.quantize.IoType;
import io.tinyforge.quantize.MinMaxObserver;
import io.tinyforge.quantize.QuantizedGraphRunner;
import io.tinyforge.quantize.QuantizedModel;
import io.tinyforge.quantize.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two ends of quantization-aware training: the starting activation ranges (min/max of the float model over
 * some training images, Java float reference) and the conversion of the fine-tuned weights plus the QAT-learned
 * ranges into a real int8 model with {@link FullIntegerQuantizer} (the PTQ machinery, without calibration).
 */
public final class QatModels {

    private QatModels() {
    }

    /** Min/max of every QAT range tensor of {@code cnn} over the first {@code count} images of {@code images}. */
    public static Map<String, Range> initialRanges(TrainedCnn cnn, LabeledImages images, int count) {
        Graph g = CnnGraph.of(cnn, "qat_start");
        List<float[][]> recs = new ArrayList<>();
        for (int i = 0; i < Math.min(count, images.count()); i++) {
            recs.add(new float[][] {images.image(i)});
        }
        Range[] r = Calibrator.calibrate(g, new QuantizedGraphRunner(g), recs, MinMaxObserver::new);
        Map<String, Range> out = new LinkedHashMap<>();
        for (String name : QatTrainer.rangeTensors(cnn)) {
            for (int t = 0; t < r.length; t++) {
                if (r[t] != null && g.tensor(t).name().equals(name)) {
                    out.put(name, r[t]);
                }
            }
        }
        return out;
    }

    /** The int8 model (int8 input and output) of {@code cnn} quantized with {@code ranges}. */
    public static QuantizedModel convert(TrainedCnn cnn, Map<String, Range> ranges, String name) {
        return FullIntegerQuantizer.quantizeWithRanges(CnnGraph.of(cnn, name), ranges, IoType.INT8);
    }
}
