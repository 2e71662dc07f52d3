package io.tinyforge.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.firmware.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectSizeTest {

    @TempDir
    Path tmp;

    @Test
    void countsConstantAndInitialisedDataButNotBss() throws Exception {
        assumeTrue(Toolchain.has("gcc"), "skipped: no host gcc");
        Path c = Files.writeString(tmp.resolve("d.c"), "const unsigned char w[1000] = {1};\n"
                + "short s[8] = {1};\nint z[500];\n");
        Path o = tmp.resolve("d.o");
        Process p = new ProcessBuilder("gcc", "-std=c99", "-O2", "-fno-common", "-c", c.toString(), "-o", o.toString())
                .inheritIO().start();
        assertEquals(0, p.waitFor());
        // 1000 bytes of rodata + 16 of data; the 2000 bytes of z are bss and take no flash
        assertEquals(1016, ObjectSize.allocatedBytes(o));
        // the objects by name, as gcc's symbol table sizes them
        assertEquals(1000, ObjectSize.objectBytes(o, java.util.Set.of("w")));
        assertEquals(1016, ObjectSize.objectBytes(o, java.util.Set.of("w", "s")));
        assertEquals(0, ObjectSize.objectBytes(o, java.util.Set.of("z")), "bss takes no flash");
    }
}
