package io.tinyforge.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Flash and RAM from {@code arm-none-eabi-size -A} output (format as printed by binutils 2.40). */
class MemoryUsageTest {

    @Test
    void flashIsTextPlusDataAndRamIsDataBssStack() {
        String out = """
                build/m.elf  :
                section              size         addr
                .text                1280            0
                .ARM.exidx              8         1280
                .data                  12    536870912
                .bss                   84    536870924
                .stack               8192    536871008
                .ARM.attributes        46            0
                .comment               30            0
                .debug_info          2000            0
                Total               11652
                """;
        MemoryUsage u = MemoryUsage.parseSizeA(out, 64);
        assertEquals(1288 + 12, u.flashBytes());
        assertEquals(12 + 84 + 8192, u.ramBytes());
        assertEquals(64, u.arenaBytes());
    }
}
