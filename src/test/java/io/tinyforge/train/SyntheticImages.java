package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.fixtures.SplitMix64;

/** A generated 28×28 ten-class dataset: class k is a bright 6×6 square at one of ten places, plus noise. */
final class SyntheticImages {

    private SyntheticImages() {
    }

    static LabeledImages make(int n, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        byte[] px = new byte[n * 784];
        byte[] lb = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = (int) Long.remainderUnsigned(r.next(), 10);
            lb[i] = (byte) k;
            int y0 = 2 + (k / 5) * 14 + (int) Long.remainderUnsigned(r.next(), 4);
            int x0 = 1 + (k % 5) * 5 + (int) Long.remainderUnsigned(r.next(), 2);
            for (int p = 0; p < 784; p++) {
                px[i * 784 + p] = (byte) Long.remainderUnsigned(r.next(), 60);
            }
            for (int y = y0; y < y0 + 6 && y < 28; y++) {
                for (int x = x0; x < x0 + 4 && x < 28; x++) {
                    px[i * 784 + y * 28 + x] = (byte) (180 + Long.remainderUnsigned(r.next(), 70));
                }
            }
        }
        return new LabeledImages(n, 28, 28, px, lb);
    }
}
