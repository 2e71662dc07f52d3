package io.tinyforge.exporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.testing.GraphAssert;
import io.tinyforge.testing.SharedModels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.lite.schema.Model;

class TfliteWriterTest {

    @ParameterizedTest
    @MethodSource("io.tinyforge.testing.SharedModels#int8Models")
    void sharedModelSurvivesImportWriteImport(String name) {
        Graph first = TfliteImporter.load(SharedModels.model(name));
        byte[] written = TfliteWriter.write(first);
        Graph second = TfliteImporter.parse(written, name, name + " (rewritten)");
        GraphAssert.assertSameGraph(name, first, second);
        assertArrayEquals(written, TfliteWriter.write(second), name + ": writing is not deterministic");
    }

    @Test
    void writtenFileHasIdentifierAndSchemaVersion3() {
        Graph g = TfliteImporter.parse(TfliteWriter.write(WriterCoverageGraph.build()), "cov", "cov");
        byte[] bytes = TfliteWriter.write(g);
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertTrue(Model.ModelBufferHasIdentifier(bb), "missing TFL3 identifier");
        Model m = Model.getRootAsModel(bb);
        assertEquals(3, m.version());
        assertEquals(1, m.subgraphsLength());
        assertEquals(0, m.buffers(0).dataLength(), "buffer 0 must be the empty sentinel");
    }

    @Test
    void everyOpTypeOptionAndTensorFeatureSurvivesRoundTrip() {
        Graph g = WriterCoverageGraph.build();
        Graph back = TfliteImporter.parse(TfliteWriter.write(g), g.name(), g.name());
        GraphAssert.assertSameGraph(g.name(), g, back);
    }
}
