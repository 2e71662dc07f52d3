package io.tinyforge.course.steps;

import io.tinyforge.course.CourseBudget;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.quantize.Range;
import io.tinyforge.train.QatModels;
import io.tinyforge.train.QatTrainer;
import io.tinyforge.train.TrainedCnn;
import java.util.List;
import java.util.Map;

/**
 * Quantization-aware fine-tuning of kept float weights ({@code tinyforge qat}): fake-quant weights and
 * activations, ranges seeded by min/max over the calibration images and tracked by EMA, zeros kept (so a
 * pruned start stays pruned), then converted to int8 with the learned ranges.
 */
public final class QatStep extends DerivedStep {

    /** @param start the id of the kept float CNN to fine-tune */
    public QatStep(String start, String id, String label) {
        super(start, id, label);
    }

    @Override
    public String label() {
        return "QAT of " + base + " to int8";
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        CourseBudget b = ctx.budget();
        TrainedCnn cnn = ctx.cnn(base);
        Map<String, Range> initial = QatModels.initialRanges(cnn, ctx.data().train(), b.calibImages());
        QatTrainer qat = new QatTrainer(cnn, new QatTrainer.Config(b.fineTuneEpochs(), 64, 5e-4, b.seed(), 0.99, true),
                initial);
        qat.train(ctx.data().train(), null, ctx.trainProgress(label()));
        var q = QatModels.convert(qat.result(), qat.ranges(), id);
        return List.of(CourseContext.variant(id, label, base, List.of("QAT fine-tuning " + b.fineTuneEpochs()
                + " epoch(s), lr 0.0005, fake-quant per-channel weights and activations (EMA ranges, zeros kept)",
                "int8 with the learned ranges"), q.quantized()));
    }
}
