<#import "_header.ftl" as h>
/*
<@h.banner c=" *"/>
 * Console of the test firmware: text out and the end of the program with a status.
 */
#ifndef FW_CONSOLE_H
#define FW_CONSOLE_H

/** Prepares the console (nothing for semihosting; enables the UART transmitter otherwise). */
void fw_console_init(void);

/** Writes a NUL-terminated string. */
void fw_console_write(const char *text);

/** Ends the program with `status` (semihosting: emulator exit code; UART: prints "EXIT <status>" and sleeps). */
__attribute__((noreturn)) void fw_exit(int status);

#endif
