<#import "_header.ftl" as h>
/*
<@h.banner c=" *"/>
 * Memory of [=board.name]<#if sizing> made 256 MiB large: this script only measures a program that
 * does not fit the real board</#if>. .data is loaded in FLASH and copied to RAM by Reset_Handler;
 * the stack ([=board.stackBytes] bytes) is reserved at the end of RAM so that overflow is a link error.
 */
MEMORY
{
    FLASH (rx)  : ORIGIN = [=flashOrigin], LENGTH = [=flashLength]
    RAM   (rwx) : ORIGIN = [=ramOrigin], LENGTH = [=ramLength]
}

ENTRY(Reset_Handler)
_estack = ORIGIN(RAM) + LENGTH(RAM);
__stack_size = [=board.stackBytes];

SECTIONS
{
    .text :
    {
        KEEP(*(.isr_vector))
        *(.text*)
        *(.rodata*)
        . = ALIGN(4);
    } > FLASH

    .ARM.exidx :
    {
        *(.ARM.exidx*)
    } > FLASH

    _sidata = LOADADDR(.data);
    .data :
    {
        . = ALIGN(4);
        _sdata = .;
        *(.data*)
        . = ALIGN(4);
        _edata = .;
    } > RAM AT > FLASH

    .bss (NOLOAD) :
    {
        . = ALIGN(4);
        _sbss = .;
        *(.bss*)
        *(COMMON)
        . = ALIGN(4);
        _ebss = .;
    } > RAM

    .stack (NOLOAD) : ALIGN(8)
    {
        _sstack = .;
        . = . + __stack_size;
    } > RAM
    ASSERT(ADDR(.stack) + SIZEOF(.stack) <= _estack, "stack does not fit in RAM")
}
