package io.tinyforge.board;

/**
 * Where the firmware prints: Arm semihosting (output and exit status through the debugger or emulator) or a
 * polled UART ({@code uart} names the register layout, {@code address} its base; the program then ends by
 * printing {@code EXIT <code>} and sleeping). {@code renodeName} is the UART's name in the Renode platform.
 */
public record Console(String type, String uart, long address, String renodeName) {

    public static final String SEMIHOSTING = "semihosting";
    public static final String UART = "uart";

    /** UART register layouts the firmware templates implement. */
    public static final java.util.Set<String> UART_TYPES =
            java.util.Set.of("cmsdk-apb", "stellaris", "stm32-usart-v1", "stm32-usart-v2", "nrf-uart");

    public boolean semihosting() {
        return SEMIHOSTING.equals(type);
    }

    /** The UART layout as a C macro suffix, e.g. {@code STM32_USART_V1}. */
    public String uartMacro() {
        return uart == null ? "" : uart.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
