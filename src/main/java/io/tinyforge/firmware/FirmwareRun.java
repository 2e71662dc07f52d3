package io.tinyforge.firmware;

import io.tinyforge.emulator.EmulatorResult;
import java.util.List;

/**
 * The result of running the test firmware in an emulator: the output records (as a {@code run --output}
 * file), the memory use, and the instructions of each inference (marker overhead subtracted; empty when not
 * counted), and the stack high-water mark in bytes (-1 if not reported).
 */
public record FirmwareRun(byte[] outputs, FirmwareImage image, EmulatorResult emulator, List<Long> instructions,
        long stackUsed, List<String> commands) {

    public FirmwareRun {
        outputs = outputs.clone();
        instructions = List.copyOf(instructions);
        commands = List.copyOf(commands);
    }

    @Override
    public byte[] outputs() {
        return outputs.clone();
    }

    /** Mean instructions per inference, or -1 when not counted. */
    public double meanInstructions() {
        return instructions.isEmpty() ? -1 : instructions.stream().mapToLong(Long::longValue).average().orElse(-1);
    }
}
