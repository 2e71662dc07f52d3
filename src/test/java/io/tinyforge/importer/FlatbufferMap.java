package io.tinyforge.importer;

import com.google.flatbuffers.Table;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;

/**
 * Where the structural parts of a valid .tflite file lie (table starts, vector length words, shape entries),
 * so the fuzzer can corrupt offsets and lengths on purpose instead of only at random.
 */
record FlatbufferMap(List<Integer> tables, List<Integer> vectorLengths, List<Integer> shapeDims) {

    static FlatbufferMap of(byte[] bytes) {
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> tables = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        List<Integer> dims = new ArrayList<>();
        Model m = Model.getRootAsModel(bb);
        tables.add(pos(m));
        for (int b = 0; b < m.buffersLength(); b++) {
            Buffer buf = m.buffers(b);
            tables.add(pos(buf));
            ByteBuffer d = buf.dataAsByteBuffer();
            if (d != null) {
                lengths.add(d.position() - 4);
            }
        }
        for (int s = 0; s < m.subgraphsLength(); s++) {
            SubGraph sg = m.subgraphs(s);
            tables.add(pos(sg));
            ByteBuffer in = sg.inputsAsByteBuffer();
            if (in != null) {
                lengths.add(in.position() - 4);
            }
            for (int t = 0; t < sg.tensorsLength(); t++) {
                Tensor tensor = sg.tensors(t);
                tables.add(pos(tensor));
                ByteBuffer shape = tensor.shapeAsByteBuffer();
                if (shape != null) {
                    lengths.add(shape.position() - 4);
                    for (int d = 0; d < tensor.shapeLength(); d++) {
                        dims.add(shape.position() + 4 * d);
                    }
                }
                if (tensor.quantization() != null) {
                    tables.add(pos(tensor.quantization()));
                    ByteBuffer sc = tensor.quantization().scaleAsByteBuffer();
                    if (sc != null) {
                        lengths.add(sc.position() - 4);
                    }
                }
            }
            for (int o = 0; o < sg.operatorsLength(); o++) {
                Operator op = sg.operators(o);
                tables.add(pos(op));
                ByteBuffer in2 = op.inputsAsByteBuffer();
                if (in2 != null) {
                    lengths.add(in2.position() - 4);
                }
            }
        }
        return new FlatbufferMap(tables, lengths, dims);
    }

    private static final Field BB_POS;

    static {
        try {
            BB_POS = Table.class.getDeclaredField("bb_pos");
            BB_POS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static int pos(Table t) {
        try {
            return BB_POS.getInt(t);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
