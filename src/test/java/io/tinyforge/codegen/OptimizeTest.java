package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.prune.PruningMetadata;
import io.tinyforge.prune.SparsePolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OptimizeTest {

    @AfterEach
    void clear() {
        System.clearProperty(Optimize.PROPERTY);
    }

    private static Graph empty(Map<String, byte[]> meta) {
        return new Graph("g", List.of(), List.of(), new int[0], new int[0], "0", meta);
    }

    @Test
    void parsesBothModesAndRefusesOthersInOneLine() {
        assertEquals(Optimize.SPEED, Optimize.parse(" Speed "));
        assertEquals(Optimize.SIZE, Optimize.parse("size"));
        ModelException e = assertThrows(ModelException.class, () -> Optimize.parse("fast"));
        assertTrue(e.getMessage().contains("speed or size") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void sparseStorageOnlyForPrunedModelsUnlessOptimizingForSize() {
        Graph plain = empty(Map.of());
        Graph pruned = empty(Map.of(PruningMetadata.NAME, "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optimize.SPEED, Optimize.current());
        assertFalse(SparsePolicy.allowedFor(plain), "speed: an unmarked model stays dense");
        assertTrue(SparsePolicy.allowedFor(pruned), "speed: a pruned model may go sparse");
        Optimize.use(Optimize.SIZE);
        assertEquals(Optimize.SIZE, Optimize.current());
        assertTrue(SparsePolicy.allowedFor(plain), "size: any model may go sparse");
    }
}
