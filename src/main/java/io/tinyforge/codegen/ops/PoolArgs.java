package io.tinyforge.codegen.ops;

import io.tinyforge.refimpl.ops.PoolGeometry;
import java.util.Map;

/** The geometry arguments shared by the pooling calls (same names in avgpool.ftl and maxpool.ftl). */
final class PoolArgs {

    private PoolArgs() {
    }

    static void put(Map<String, Object> a, PoolGeometry q, int actMin, int actMax) {
        a.put("batches", q.batches());
        a.put("inH", q.inH());
        a.put("inW", q.inW());
        a.put("channels", q.channels());
        a.put("outH", q.outH());
        a.put("outW", q.outW());
        a.put("filterH", q.filterH());
        a.put("filterW", q.filterW());
        a.put("strideH", q.strideH());
        a.put("strideW", q.strideW());
        a.put("padH", q.padH());
        a.put("padW", q.padW());
        a.put("actMin", actMin);
        a.put("actMax", actMax);
    }
}
