package io.tinyforge.prune;

import io.tinyforge.ir.ModelException;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.TrainedCnn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Structured (filter) pruning of a {@link TrainedCnn}: in every convolution and every hidden dense layer the
 * {@code round(fraction · filters)} output filters (units) of smallest L1 or L2 norm are removed — at least one
 * filter stays, ties go to the later filter — together with the matching input channels of the next weight layer
 * (the input channels of the next convolution, the flattened NHWC columns {@code (y·W + x)·C + c} of the first
 * dense layer, or the columns of the next dense layer). The result is an ordinary, smaller dense CNN with its own
 * {@link ArchSpec}; the last (class) layer keeps its units.
 */
public final class StructuredPruner {

    /** Filter norm used to rank filters. */
    public enum Norm { L1, L2 }

    /** The pruned CNN and, per layer, the kept filter indices of the original (null for pools and the last layer). */
    public record Result(TrainedCnn cnn, List<int[]> kept) {
    }

    private StructuredPruner() {
    }

    /** Removes {@code fraction} of the filters of every prunable layer of {@code cnn}. */
    public static Result prune(TrainedCnn cnn, double fraction, Norm norm) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new ModelException("structured pruning fraction must be in [0, 1), not " + fraction);
        }
        List<TrainedCnn.LayerWeights> in = cnn.layers();
        int n = in.size();
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TrainedCnn.LayerWeights lw = in.get(i);
            boolean prunable = lw.weights() != null && i != n - 1;
            kept.add(prunable ? keep(lw, fraction, norm) : null);
        }
        List<TrainedCnn.LayerWeights> out = new ArrayList<>();
        List<String> spec = new ArrayList<>();
        int h = cnn.height();
        int w = cnn.width();
        int[] prevKept = null; // kept channels of the last weight layer seen
        int prevChannels = cnn.channels();
        boolean flat = false;
        for (int i = 0; i < n; i++) {
            TrainedCnn.LayerWeights lw = in.get(i);
            ArchSpec.Layer l = lw.layer();
            switch (l.kind()) {
                case POOL -> {
                    h /= 2;
                    w /= 2;
                    out.add(lw);
                    spec.add("p");
                }
                case CONV -> {
                    int[] s = lw.weightShape();
                    int[] outKeep = kept.get(i) == null ? all(s[0]) : kept.get(i);
                    int[] inKeep = prevKept == null ? all(s[3]) : prevKept;
                    int k = s[1] * s[2];
                    float[] nw = new float[outKeep.length * k * inKeep.length];
                    int p = 0;
                    for (int o : outKeep) {
                        for (int t = 0; t < k; t++) {
                            for (int c : inKeep) {
                                nw[p++] = lw.weights()[(o * k + t) * s[3] + c];
                            }
                        }
                    }
                    ArchSpec.Layer nl = new ArchSpec.Layer(ArchSpec.Kind.CONV, outKeep.length, l.kernel());
                    out.add(new TrainedCnn.LayerWeights(nl, new int[] {outKeep.length, s[1], s[2], inKeep.length}, nw,
                            pick(lw.bias(), outKeep)));
                    spec.add("c" + outKeep.length + (l.kernel() == 3 ? "" : "k" + l.kernel()));
                    prevKept = outKeep;
                    prevChannels = s[0];
                }
                case DENSE -> {
                    int[] s = lw.weightShape();
                    int[] outKeep = kept.get(i) == null ? all(s[0]) : kept.get(i);
                    int[] cols;
                    if (!flat) {
                        int[] chans = prevKept == null ? all(prevChannels) : prevKept;
                        cols = new int[h * w * chans.length];
                        int p = 0;
                        for (int pix = 0; pix < h * w; pix++) {
                            for (int c : chans) {
                                cols[p++] = pix * prevChannels + c;
                            }
                        }
                        flat = true;
                    } else {
                        cols = prevKept == null ? all(s[1]) : prevKept;
                    }
                    float[] nw = new float[outKeep.length * cols.length];
                    int p = 0;
                    for (int o : outKeep) {
                        for (int c : cols) {
                            nw[p++] = lw.weights()[o * s[1] + c];
                        }
                    }
                    ArchSpec.Layer nl = new ArchSpec.Layer(ArchSpec.Kind.DENSE, outKeep.length, 0);
                    out.add(new TrainedCnn.LayerWeights(nl, new int[] {outKeep.length, cols.length}, nw,
                            pick(lw.bias(), outKeep)));
                    spec.add("d" + outKeep.length);
                    prevKept = outKeep;
                    prevChannels = s[0];
                }
                default -> throw new IllegalStateException();
            }
        }
        ArchSpec arch = ArchSpec.parse(String.join("-", spec));
        return new Result(new TrainedCnn(arch, cnn.height(), cnn.width(), cnn.channels(), out), kept);
    }

    /** Indices (ascending) of the filters to keep. */
    private static int[] keep(TrainedCnn.LayerWeights lw, double fraction, Norm norm) {
        int filters = lw.weightShape()[0];
        int per = lw.weights().length / filters;
        double[] score = new double[filters];
        for (int o = 0; o < filters; o++) {
            double s = 0;
            for (int j = 0; j < per; j++) {
                double v = lw.weights()[o * per + j];
                s += norm == Norm.L1 ? Math.abs(v) : v * v;
            }
            score[o] = s;
        }
        int remove = Math.min(filters - 1, (int) Math.round(fraction * filters));
        Integer[] order = new Integer[filters];
        for (int o = 0; o < filters; o++) {
            order[o] = o;
        }
        // strongest first; among equal norms the earlier filter is kept
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(score[b], score[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] k = new int[filters - remove];
        for (int j = 0; j < k.length; j++) {
            k[j] = order[j];
        }
        Arrays.sort(k);
        return k;
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static float[] pick(float[] v, int[] idx) {
        float[] r = new float[idx.length];
        for (int j = 0; j < idx.length; j++) {
            r[j] = v[idx[j]];
        }
        return r;
    }

    /** Parses {@code l1} or {@code l2}; null otherwise. */
    public static Norm parseNorm(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "l1" -> Norm.L1;
            case "l2" -> Norm.L2;
            default -> null;
        };
    }
}
