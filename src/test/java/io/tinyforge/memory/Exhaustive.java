package io.tinyforge.memory;

import java.util.List;

/**
 * Test oracle: the smallest arena for a few buffers, by trying every aligned offset for every buffer
 * (independent of the planners under test; exponential, so only for tiny sets).
 */
final class Exhaustive {

    private Exhaustive() {
    }

    static long optimum(List<BufferRequest> bufs) {
        long[] size = new long[bufs.size()];
        long total = 0;
        for (int i = 0; i < size.length; i++) {
            size[i] = bufs.get(i).alignedSize() / MemoryPlan.ALIGNMENT;
            total += size[i];
        }
        long[] off = new long[size.length];
        long best = search(bufs, size, off, 0, total, total);
        return best * MemoryPlan.ALIGNMENT;
    }

    private static long search(List<BufferRequest> bufs, long[] size, long[] off, int i, long total, long best) {
        if (i == size.length) {
            long top = 0;
            for (int k = 0; k < size.length; k++) {
                top = Math.max(top, off[k] + size[k]);
            }
            return Math.min(best, top);
        }
        for (long o = 0; o + size[i] <= total; o++) {
            if (o + size[i] >= best && size[i] > 0) {
                break; // cannot improve
            }
            boolean ok = true;
            for (int k = 0; k < i && ok; k++) {
                boolean mem = o < off[k] + size[k] && off[k] < o + size[i];
                ok = !(mem && size[i] > 0 && size[k] > 0 && bufs.get(k).overlapsInTime(bufs.get(i)));
            }
            if (ok) {
                off[i] = o;
                best = search(bufs, size, off, i + 1, total, best);
            }
        }
        return best;
    }
}
