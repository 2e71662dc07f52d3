package io.tinyforge.course;

import io.tinyforge.ir.ModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sizes read from a relocatable ELF object ({@code .o}, 32 or 64 bit, either byte order): the bytes of its
 * allocated sections with contents ({@code SHF_ALLOC}, neither {@code SHT_NOBITS} = bss nor {@code SHT_NOTE},
 * e.g. the x86 {@code .note.gnu.property}), and the summed sizes of its data objects (symbol table entries of
 * type {@code STT_OBJECT} in such sections) whose names pass a filter.
 */
final class ObjectSize {
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_NOTE = 7;
    private static final int SHT_NOBITS = 8;
    private static final long SHF_ALLOC = 2;
    private static final int STT_OBJECT = 1;

    private final ByteBuffer bb;
    private final boolean wide;
    private final long shoff;
    private final int shentsize;
    private final int shnum;

    private ObjectSize(Path object) {
        byte[] b;
        try {
            b = Files.readAllBytes(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (b.length < 52 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
            throw new ModelException(object + " is not an ELF object");
        }
        wide = b[4] == 2;
        bb = ByteBuffer.wrap(b).order(b[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        shoff = wide ? bb.getLong(0x28) : Integer.toUnsignedLong(bb.getInt(0x20));
        shentsize = Short.toUnsignedInt(bb.getShort(wide ? 0x3A : 0x2E));
        shnum = Short.toUnsignedInt(bb.getShort(wide ? 0x3C : 0x30));
    }

    /** Bytes of the allocated sections with contents. */
    static long allocatedBytes(Path object) {
        ObjectSize o = new ObjectSize(object);
        long total = 0;
        for (int i = 0; i < o.shnum; i++) {
            if (o.withContents(i)) {
                total += o.size(i);
            }
        }
        return total;
    }

    /** Summed sizes of the data objects in allocated sections with contents whose name {@code wanted} accepts. */
    static long objectBytes(Path object, Predicate<String> wanted) {
        ObjectSize o = new ObjectSize(object);
        long total = 0;
        for (int s = 0; s < o.shnum; s++) {
            if (o.type(s) != SHT_SYMTAB) {
                continue;
            }
            int strtab = o.link(s);
            int entry = o.wide ? 24 : 16;
            long off = o.offset(s);
            for (long e = off; e + entry <= off + o.size(s); e += entry) {
                int h = (int) e;
                int name = o.bb.getInt(h);
                int info = Byte.toUnsignedInt(o.bb.get(h + (o.wide ? 4 : 12)));
                int shndx = Short.toUnsignedInt(o.bb.getShort(h + (o.wide ? 6 : 14)));
                long size = o.wide ? o.bb.getLong(h + 16) : Integer.toUnsignedLong(o.bb.getInt(h + 8));
                if ((info & 0xf) == STT_OBJECT && shndx > 0 && shndx < o.shnum && o.withContents(shndx)
                        && wanted.test(o.string(strtab, name))) {
                    total += size;
                }
            }
        }
        return total;
    }

    /** {@link #objectBytes(Path, Predicate)} for the names in {@code names}. */
    static long objectBytes(Path object, Set<String> names) {
        return objectBytes(object, names::contains);
    }

    private int header(int i) {
        return (int) (shoff + (long) i * shentsize);
    }

    private int type(int i) {
        return bb.getInt(header(i) + 4);
    }

    private long flags(int i) {
        return wide ? bb.getLong(header(i) + 8) : Integer.toUnsignedLong(bb.getInt(header(i) + 8));
    }

    private long offset(int i) {
        return wide ? bb.getLong(header(i) + 24) : Integer.toUnsignedLong(bb.getInt(header(i) + 16));
    }

    private long size(int i) {
        return wide ? bb.getLong(header(i) + 32) : Integer.toUnsignedLong(bb.getInt(header(i) + 20));
    }

    private int link(int i) {
        return bb.getInt(header(i) + (wide ? 40 : 24));
    }

    private boolean withContents(int i) {
        return (flags(i) & SHF_ALLOC) != 0 && type(i) != SHT_NOBITS && type(i) != SHT_NOTE;
    }

    private String string(int strtab, int at) {
        int start = (int) (offset(strtab) + at);
        int end = start;
        while (bb.get(end) != 0) {
            end++;
        }
        byte[] s = new byte[end - start];
        bb.get(start, s);
        return new String(s, StandardCharsets.US_ASCII);
    }
}
