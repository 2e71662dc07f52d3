<#import "_header.ftl" as h>
/*
<@h.banner c=" *"/>
<#if board.console.semihosting>
 * Console through Arm semihosting: SYS_WRITE0 for text, SYS_EXIT_EXTENDED for the exit status.
<#else>
 * Console on a polled [=board.console.uart] UART at [=uartAddress]; the program ends by printing
 * "EXIT <status>" and sleeping, since a UART cannot stop the machine.
</#if>
 */
#include <stdint.h>
#include "fw_console.h"

<#if board.console.semihosting>
#define FW_SYS_WRITE0 0x04
#define FW_SYS_EXIT_EXTENDED 0x20
#define FW_ADP_STOPPED_APPLICATION_EXIT 0x20026

static int fw_semihost(int op, void *arg)
{
    register int r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
    __asm__ volatile ("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void fw_console_init(void)
{
}

void fw_console_write(const char *text)
{
    fw_semihost(FW_SYS_WRITE0, (void *)(uintptr_t)text);
}

void fw_exit(int status)
{
    volatile uint32_t block[2];
    block[0] = FW_ADP_STOPPED_APPLICATION_EXIT;   /* element-wise: a brace initialiser may call memcpy */
    block[1] = (uint32_t)status;
    fw_semihost(FW_SYS_EXIT_EXTENDED, (void *)block);
    for (;;) {
    }
}
<#else>
#define FW_UART_BASE [=uartAddress]u
#define FW_REG(offset) (*(volatile uint32_t *)(FW_UART_BASE + (offset)))

<#switch board.console.uart>
<#case "cmsdk-apb">
/* Arm CMSDK APB UART: DATA 0x00, STATE 0x04 (bit 0 TX full), CTRL 0x08 (bit 0 TX enable), BAUDDIV 0x10. */
void fw_console_init(void)
{
    FW_REG(0x10) = 16u;
    FW_REG(0x08) = 1u;
}

static void fw_putc(char c)
{
    while (FW_REG(0x04) & 1u) {
    }
    FW_REG(0x00) = (uint8_t)c;
}
<#break>
<#case "stellaris">
/* Stellaris / PL011 UART: DR 0x00, FR 0x18 (bit 5 TX FIFO full), CTL 0x30 (UARTEN bit 0, TXE bit 8). */
void fw_console_init(void)
{
    FW_REG(0x30) = (1u << 8) | 1u;
}

static void fw_putc(char c)
{
    while (FW_REG(0x18) & (1u << 5)) {
    }
    FW_REG(0x00) = (uint8_t)c;
}
<#break>
<#case "stm32-usart-v1">
/* STM32F1/F2/F4 USART: SR 0x00 (TXE bit 7), DR 0x04, CR1 0x0C (UE bit 13, TE bit 3). Clocks and pins are
 * left to the reset state / bootloader. */
void fw_console_init(void)
{
    FW_REG(0x0C) = (1u << 13) | (1u << 3);
}

static void fw_putc(char c)
{
    while (!(FW_REG(0x00) & (1u << 7))) {
    }
    FW_REG(0x04) = (uint8_t)c;
}
<#break>
<#case "stm32-usart-v2">
/* STM32F7/L4/H7 USART: CR1 0x00 (UE bit 0, TE bit 3), ISR 0x1C (TXE bit 7), TDR 0x28. Clocks and pins
 * are left to the reset state / bootloader. */
void fw_console_init(void)
{
    FW_REG(0x00) = (1u << 3) | 1u;
}

static void fw_putc(char c)
{
    while (!(FW_REG(0x1C) & (1u << 7))) {
    }
    FW_REG(0x28) = (uint8_t)c;
}
<#break>
<#case "nrf-uart">
/* Nordic nRF51/nRF52 UART (legacy, non-DMA): STARTTX 0x008, TXDRDY 0x11C, ENABLE 0x500 (= 4), TXD 0x51C. */
void fw_console_init(void)
{
    FW_REG(0x500) = 4u;
    FW_REG(0x008) = 1u;
}

static void fw_putc(char c)
{
    FW_REG(0x11C) = 0u;
    FW_REG(0x51C) = (uint8_t)c;
    while (FW_REG(0x11C) == 0u) {
    }
}
<#break>
</#switch>

void fw_console_write(const char *text)
{
    while (*text != '\0') {
        fw_putc(*text++);
    }
}

void fw_exit(int status)
{
    char digits[12];
    int n = 0;
    unsigned int v = status < 0 ? (unsigned int)(-status) : (unsigned int)status;
    fw_console_write("EXIT ");
    if (status < 0) {
        fw_putc('-');
    }
    do {
        digits[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0u);
    while (n > 0) {
        fw_putc(digits[--n]);
    }
    fw_putc('\n');
    for (;;) {
        __asm__ volatile ("wfi");
    }
}
</#if>
