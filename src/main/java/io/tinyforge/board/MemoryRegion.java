package io.tinyforge.board;

/** One contiguous memory of a board: start address and size in bytes. */
public record MemoryRegion(long origin, long size) {

    /** Parses a size such as {@code 256K}, {@code 4M}, {@code 0x10000} or {@code 65536}. */
    public static long parseSize(String s) {
        String t = s.trim().toUpperCase(java.util.Locale.ROOT);
        long mul = 1;
        if (t.endsWith("K")) {
            mul = 1024;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("M")) {
            mul = 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        return parseNumber(t) * mul;
    }

    /** Parses a decimal or 0x-prefixed hexadecimal number. */
    public static long parseNumber(String s) {
        String t = s.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
    }

    /** The origin as a linker-script literal, e.g. {@code 0x20000000}. */
    public String originHex() {
        return String.format("0x%08X", origin);
    }
}
