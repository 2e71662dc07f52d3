package io.tinyforge.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the generated-model contract from model.h. */
class ModelApiTest {

    @Test
    void readsTheStubHeader() {
        ModelApi api = ModelApi.read(Path.of("tests-hw", "stub-model"));
        assertEquals("stub", api.name());
        assertEquals(List.of(16L, 16L), api.inputBytes());
        assertEquals(List.of(16L, 4L), api.outputBytes());
        assertEquals(64, api.arenaBytes());
        assertEquals(List.of(0L, 16L), api.inputOffsets());
        assertEquals(20, api.outputRecordBytes());
    }
}
