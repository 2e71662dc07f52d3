package io.tinyforge.prune;

import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.ir.Graph;
import io.tinyforge.quantize.CalibrationData;
import io.tinyforge.quantize.FullIntegerQuantizer;
import io.tinyforge.quantize.IoType;
import io.tinyforge.quantize.Observers;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.TrainedCnn;
import java.util.ArrayList;
import java.util.List;

/** Test CNNs with seeded random weights (no training), magnitude-pruned and quantized. */
public final class PrunedCnns {

    private PrunedCnns() {
    }

    /** A CNN of {@code spec} on side×side images with He-like uniform random weights and small biases. */
    public static TrainedCnn random(String spec, int side, long seed) {
        ArchSpec arch = ArchSpec.parse(spec);
        SplitMix64 rng = new SplitMix64(seed);
        List<TrainedCnn.LayerWeights> layers = new ArrayList<>();
        int h = side;
        int ch = 1;
        boolean flat = false;
        for (ArchSpec.Layer l : arch.layers()) {
            switch (l.kind()) {
                case POOL -> {
                    h /= 2;
                    layers.add(new TrainedCnn.LayerWeights(l, null, null, null));
                }
                case CONV -> {
                    int[] s = {l.units(), l.kernel(), l.kernel(), ch};
                    layers.add(new TrainedCnn.LayerWeights(l, s, uniform(rng, s, l.kernel() * l.kernel() * ch),
                            uniform(rng, new int[] {l.units()}, 100)));
                    ch = l.units();
                }
                case DENSE -> {
                    int in = flat ? ch : h * h * ch;
                    flat = true;
                    int[] s = {l.units(), in};
                    layers.add(new TrainedCnn.LayerWeights(l, s, uniform(rng, s, in),
                            uniform(rng, new int[] {l.units()}, 100)));
                    ch = l.units();
                }
                default -> throw new IllegalStateException();
            }
        }
        return new TrainedCnn(arch, side, side, 1, layers);
    }

    private static float[] uniform(SplitMix64 rng, int[] shape, int fanIn) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        double lim = Math.sqrt(6.0 / fanIn);
        for (int i = 0; i < n; i++) {
            v[i] = rng.uniform(-lim, lim);
        }
        return v;
    }

    /** {@code cnn} with every weight layer magnitude-pruned to {@code sparsity} (biases kept). */
    public static TrainedCnn pruned(TrainedCnn cnn, double sparsity) {
        List<TrainedCnn.LayerWeights> out = new ArrayList<>();
        for (TrainedCnn.LayerWeights lw : cnn.layers()) {
            if (lw.weights() == null) {
                out.add(lw);
                continue;
            }
            float[] m = MagnitudePruner.mask(lw.weights(), sparsity);
            float[] w = lw.weights().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] *= m[i];
            }
            out.add(new TrainedCnn.LayerWeights(lw.layer(), lw.weightShape(), w, lw.bias()));
        }
        return new TrainedCnn(cnn.arch(), cnn.height(), cnn.width(), cnn.channels(), out);
    }

    /** Full-int8 PTQ of the float graph of {@code cnn} on 20 synthetic records (seed 5). */
    public static Graph int8(TrainedCnn cnn, String name) {
        Graph f = CnnGraph.of(cnn, name);
        // marked as `prune` marks its output: with the default --optimize speed only marked models go sparse
        PruneOptions o = new PruneOptions(0, false, PruningSchedule.Kind.CONSTANT, StructuredPruner.Norm.L1, 0, 64,
                1e-3, 1);
        java.util.Map<String, byte[]> meta = new java.util.LinkedHashMap<>(f.metadata());
        meta.put(PruningMetadata.NAME, PruningMetadata.toJson(f, o, cnn.arch().toString(), cnn.arch().toString()));
        f = f.withMetadata(meta);
        return FullIntegerQuantizer.quantize(f, CalibrationData.synthetic(f, 20, 5), Observers.byName("minmax"),
                IoType.INT8).quantized();
    }
}
