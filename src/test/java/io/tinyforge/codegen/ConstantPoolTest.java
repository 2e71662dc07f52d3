package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.host.HostBuild;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstantPoolTest {

    @TempDir
    Path tmp;

    @Test
    void namesFollowHintAndCounterAndIdenticalArraysAreSharedPerType() {
        ConstantPool p = new ConstantPool("m");
        assertEquals("m_mult0", p.int32("mult", new int[] {1, 2}));
        assertEquals("m_mult1", p.int32("mult", new int[] {3}));
        assertEquals("m_mult0", p.int32("other", new int[] {1, 2}), "same type and contents: reused");
        assertNotEquals("m_mult0", p.int16("mult", new short[] {1, 2}), "same values, other type: new array");
        assertEquals("m_t_0", p.int8("t", new byte[] {5}), "hint t stays clear of tensor arrays");
        assertEquals("m_w1_0", p.int8("w1", new byte[] {6}), "hint ending in a digit gets a separator");
        assertEquals("m_a_b0", p.float32("a-b", new float[] {1f}), "hint reduced to identifier characters");
        Tensor t = new Tensor(7, "w", Shape.of(2), DType.INT8, null, new byte[] {9, 8}, false);
        assertEquals("m_t7", p.tensor(t));
        assertEquals("m_t7", p.tensor(t), "a tensor is emitted once");
    }

    @Test
    void literalsAreExactAndTheDataFileCompilesWarningFree() throws Exception {
        ConstantPool p = new ConstantPool("m");
        p.int8("i8", new byte[] {-128, 127, 0});
        p.int16("i16", new short[] {Short.MIN_VALUE, Short.MAX_VALUE});
        p.int32("i32", new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1});
        p.float32("f", new float[] {0.1f, -0f, Float.MIN_VALUE, Float.NaN, Float.NEGATIVE_INFINITY});
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MIN_VALUE).putLong(42);
        p.tensor(new Tensor(3, "i64", Shape.of(2), DType.INT64, null, b.array(), false));
        p.tensor(new Tensor(4, "empty", Shape.of(0), DType.INT8, null, new byte[0], false));
        assertEquals("0x1.99999ap-4f", p.floatLiteral(0.1f));
        assertEquals(0.1f, Float.parseFloat(p.floatLiteral(0.1f)), "hex literal reads back exactly");
        assertEquals("(-2147483647 - 1)", ConstantPool.int32Literal(Integer.MIN_VALUE));
        assertTrue(p.needsMath());

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("header", Map.of("version", "test", "sha256", "0", "command", "test", "model", "m"));
        root.put("name", "m");
        root.put("upper", "M");
        root.put("arrays", p.arrays());
        root.put("needsMath", p.needsMath());
        Path dir = Files.createDirectories(tmp.resolve("d"));
        Files.writeString(dir.resolve("model_data.h"), Templates.render("model_data.h.ftl", root));
        String c = Templates.render("model_data.c.ftl", root);
        Files.writeString(dir.resolve("model_data.c"), c);
        assertTrue(c.contains("(-9223372036854775807LL - 1), 42LL"), c);
        assertTrue(c.contains("const int8_t m_t4[1] TFG_ALIGNED(16)"), "empty tensor becomes one element:\n" + c);
        HostBuild.checkCompiles(dir, tmp.resolve("o"));
    }
}
