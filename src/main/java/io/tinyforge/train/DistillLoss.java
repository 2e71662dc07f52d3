package io.tinyforge.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The distillation loss terms as SameDiff expressions, each a scalar averaged over the batch:
 * response-based {@code T²·KL(softmax(t/T) ‖ softmax(s/T))} (Hinton et al.; the T² keeps its gradient, which is
 * {@code T·(softmax(s/T) − softmax(t/T)) / batch} per logit, on the scale of the hard-label term) and
 * feature-based {@code mean((P(f_s) − f_t)²)} with {@code P} a learned 1×1 projection (a per-pixel linear map
 * from the student's channels to the teacher's).
 */
final class DistillLoss {

    /** The name of the per-element squared difference of the feature term (its mean is the term). */
    static final String FEATURE_SQDIFF = "feature_sqdiff";

    private DistillLoss() {
    }

    /**
     * {@code T²} times the mean over the batch of {@code KL(softmax(teacher/T) ‖ softmax(student/T))}; both logits
     * {@code [batch, classes]}. Computed from log-softmax, so no probability is ever logged.
     */
    static SDVariable response(SameDiff s, SDVariable student, SDVariable teacher, double temperature) {
        SDVariable logQ = s.nn().logSoftmax(student.div(temperature));
        SDVariable logP = s.nn().logSoftmax(teacher.div(temperature));
        SDVariable p = s.math().exp(logP);
        SDVariable kl = p.mul(logP.sub(logQ)).sum(1);
        return kl.mean().mul(temperature * temperature);
    }

    /**
     * The mean squared difference between the teacher's feature map and the student's projected through
     * {@code projection} ({@code [studentChannels, teacherChannels]}) plus {@code bias}; maps are NHWC
     * ({@code [batch, h, w, c]}, the same h and w) or dense ({@code [batch, c]}).
     */
    static SDVariable feature(SameDiff s, SDVariable student, SDVariable teacher, SDVariable projection,
            SDVariable bias, int studentChannels, int teacherChannels) {
        SDVariable fs = s.reshape(student, -1, studentChannels);
        SDVariable ft = s.reshape(teacher, -1, teacherChannels);
        SDVariable projected = fs.mmul(projection).add(bias);
        return projected.squaredDifference(FEATURE_SQDIFF, ft).mean();
    }
}
