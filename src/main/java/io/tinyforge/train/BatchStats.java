package io.tinyforge.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A SameDiff training listener for the trainers: mean softmax cross-entropy and accuracy of the batches of an
 * epoch, from the logits variable the fit computes anyway; subclasses may watch more variables or compute the
 * loss themselves ({@link #addLoss}, {@link #countPredictions}).
 */
class BatchStats extends BaseListener {
    private final String logits;
    private double lossSum;
    private int lossCount;
    private long correct;
    private long seen;

    BatchStats(String logits) {
        this.logits = logits;
    }

    void reset() {
        lossSum = 0;
        lossCount = 0;
        correct = 0;
        seen = 0;
    }

    double meanLoss() {
        return lossCount == 0 ? Double.NaN : lossSum / lossCount;
    }

    double accuracy() {
        return seen == 0 ? Double.NaN : (double) correct / seen;
    }

    /** More training variables to receive in {@link #activation}. */
    List<String> watched() {
        return List.of();
    }

    /** Called for each watched variable. */
    void activation(String varName, INDArray value) {
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        List<String> names = new ArrayList<>(watched());
        names.add(logits);
        return ListenerVariables.builder().trainingVariables(names.toArray(new String[0])).build();
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
            INDArray activation) {
        if (!logits.equals(varName)) {
            activation(varName, activation);
            return;
        }
        float[][] l = activation.toFloatMatrix();
        float[][] labels = batch.getLabels(0).toFloatMatrix();
        double loss = 0;
        long right = 0;
        for (int i = 0; i < l.length; i++) {
            int truth = CnnTrainer.argMax(labels[i]);
            int pred = CnnTrainer.argMax(l[i]);
            right += pred == truth ? 1 : 0;
            double max = l[i][pred];
            double sum = 0;
            for (float v : l[i]) {
                sum += Math.exp(v - max);
            }
            loss += max + Math.log(sum) - l[i][truth];
        }
        countPredictions(right, l.length);
        addLoss(loss / Math.max(1, l.length));
    }

    /** Adds one batch's mean loss. */
    final void addLoss(double batchLoss) {
        lossSum += batchLoss;
        lossCount++;
    }

    /** Counts {@code right} correct predictions among {@code count}. */
    final void countPredictions(long right, long count) {
        correct += right;
        seen += count;
    }
}
