package io.tinyforge.course;

import io.tinyforge.ir.ModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes a relocatable ELF object ({@code .o}, 32 or 64 bit, either byte order) places in memory with
 * initial contents: the sum of its {@code SHF_ALLOC} sections that are neither {@code SHT_NOBITS} (bss) nor
 * {@code SHT_NOTE} (e.g. the x86 {@code .note.gnu.property}): code, rodata, data. For {@code model_data.o} that
 * is the model's constant data.
 */
final class ObjectSize {
    private static final int SHT_NOTE = 7;
    private static final int SHT_NOBITS = 8;
    private static final long SHF_ALLOC = 2;

    private ObjectSize() {
    }

    static long allocatedBytes(Path object) {
        byte[] b;
        try {
            b = Files.readAllBytes(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (b.length < 52 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
            throw new ModelException(object + " is not an ELF object");
        }
        boolean wide = b[4] == 2;
        ByteBuffer bb = ByteBuffer.wrap(b).order(b[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long shoff = wide ? bb.getLong(0x28) : Integer.toUnsignedLong(bb.getInt(0x20));
        int shentsize = Short.toUnsignedInt(bb.getShort(wide ? 0x3A : 0x2E));
        int shnum = Short.toUnsignedInt(bb.getShort(wide ? 0x3C : 0x30));
        long total = 0;
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            int type = bb.getInt(h + 4);
            long flags = wide ? bb.getLong(h + 8) : Integer.toUnsignedLong(bb.getInt(h + 8));
            long size = wide ? bb.getLong(h + 32) : Integer.toUnsignedLong(bb.getInt(h + 20));
            if ((flags & SHF_ALLOC) != 0 && type != SHT_NOBITS && type != SHT_NOTE) {
                total += size;
            }
        }
        return total;
    }
}
