<#import "_header.ftl" as h>
/*
<@h.banner c=" *"/>
 * Startup for [=board.core]: vector table, Reset_Handler (copies .data, zeroes .bss, enables the FPU
 * when the build uses one) and one fault handler that prints FAULT and ends with status 99.
 */
#include <stdint.h>
#include "fw_console.h"
#include "fw_stack.h"

int main(void);
void Reset_Handler(void);
void Fault_Handler(void);

extern uint32_t _estack, _sstack, _sidata, _sdata, _edata, _sbss, _ebss;

/** One vector table slot: the initial stack pointer or a handler address. */
typedef union {
    void (*handler)(void);
    void *stack;
} fw_vector;

__attribute__((section(".isr_vector"), used)) const fw_vector fw_vectors[16] = {
    { .stack = &_estack },
    { .handler = Reset_Handler },
    { .handler = Fault_Handler },   /* NMI */
    { .handler = Fault_Handler },   /* HardFault */
    { .handler = Fault_Handler },   /* MemManage */
    { .handler = Fault_Handler },   /* BusFault */
    { .handler = Fault_Handler },   /* UsageFault */
    { .handler = Fault_Handler },   /* SecureFault (v8-M) */
    { .handler = 0 }, { .handler = 0 }, { .handler = 0 },
    { .handler = Fault_Handler },   /* SVCall */
    { .handler = Fault_Handler },   /* DebugMonitor */
    { .handler = 0 },
    { .handler = Fault_Handler },   /* PendSV */
    { .handler = Fault_Handler }    /* SysTick */
};

void Reset_Handler(void)
{
    const uint32_t *src = &_sidata;
    uint32_t *dst = &_sdata;
    while (dst < &_edata) {
        *dst++ = *src++;
    }
    for (dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0;
    }
    {
        /* Paint the free stack below the current stack pointer (volatile: a memset call would overwrite its
         * own frame) so that main can measure the stack's high-water mark. */
        uint32_t *sp;
        volatile uint32_t *paint;
        __asm__ volatile ("mov %0, sp" : "=r"(sp));
        for (paint = &_sstack; paint < sp - 16; paint++) {
            *paint = FW_STACK_PAINT;
        }
    }
#if defined(__ARM_FP)
    /* CPACR: full access to CP10 and CP11 (the FPU) before any floating-point instruction runs. */
    *(volatile uint32_t *)0xE000ED88u |= (0xFu << 20);
    __asm__ volatile ("dsb\n\tisb" ::: "memory");
#endif
    fw_console_init();
    fw_exit(main());
}

void Fault_Handler(void)
{
    fw_console_write("FAULT\n");
    fw_exit(99);
}
