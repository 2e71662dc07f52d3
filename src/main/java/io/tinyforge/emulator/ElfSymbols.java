package io.tinyforge.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Defined symbols of an ELF and their addresses, read with {@code arm-none-eabi-nm} (Thumb bit cleared). */
public final class ElfSymbols {

    private final Map<String, Long> addresses;

    private ElfSymbols(Map<String, Long> addresses) {
        this.addresses = Map.copyOf(addresses);
    }

    /** Runs {@code arm-none-eabi-nm --defined-only elf}. */
    public static ElfSymbols read(Path elf) {
        try {
            Process p = new ProcessBuilder("arm-none-eabi-nm", "--defined-only", elf.toString())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("arm-none-eabi-nm failed on " + elf + ": " + out);
            }
            Map<String, Long> m = new HashMap<>();
            for (String line : out.split("\\R")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3 && f[0].matches("[0-9a-fA-F]+")) {
                    m.put(f[2], Long.parseLong(f[0], 16) & ~1L);
                }
            }
            return new ElfSymbols(m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run arm-none-eabi-nm", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The address of {@code name}; fails naming the symbol when it is absent. */
    public long address(String name) {
        Long a = addresses.get(name);
        if (a == null) {
            throw new IllegalArgumentException("symbol " + name + " not found in the ELF");
        }
        return a;
    }
}
