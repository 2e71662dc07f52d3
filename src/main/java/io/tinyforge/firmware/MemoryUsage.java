package io.tinyforge.firmware;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Section sizes of a linked firmware ELF (from {@code arm-none-eabi-size -A}): flash = text (code and
 * constants, incl. .ARM.exidx) + data (initial values); RAM = data + bss + the stack reserved by the
 * linker script. {@code arenaBytes} is the model's arena, which lies inside bss.
 */
public record MemoryUsage(long text, long data, long bss, long stack, long arenaBytes) {

    public long flashBytes() {
        return text + data;
    }

    /** data + bss + reserved stack. */
    public long ramBytes() {
        return data + bss + stack;
    }

    /** Parses {@code arm-none-eabi-size -A} output. */
    public static MemoryUsage parseSizeA(String output, long arenaBytes) {
        Map<String, Long> sections = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].startsWith(".") && f[1].matches("\\d+")) {
                sections.merge(f[0], Long.parseLong(f[1]), Long::sum);
            }
        }
        if (!sections.containsKey(".text")) {
            throw new IllegalArgumentException("no .text section in size output: " + output);
        }
        long text = sections.getOrDefault(".text", 0L) + sections.getOrDefault(".ARM.exidx", 0L)
                + sections.getOrDefault(".rodata", 0L);
        return new MemoryUsage(text, sections.getOrDefault(".data", 0L), sections.getOrDefault(".bss", 0L),
                sections.getOrDefault(".stack", 0L), arenaBytes);
    }
}
