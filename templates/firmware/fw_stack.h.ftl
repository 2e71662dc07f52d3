<#import "_header.ftl" as h>
/*
<@h.banner c=" *"/>
 * Stack high-water mark: Reset_Handler fills the reserved stack with a pattern; fw_stack_used() finds the
 * lowest word that no longer holds it.
 */
#ifndef FW_STACK_H
#define FW_STACK_H

#include <stdint.h>

#define FW_STACK_PAINT 0xA5A5A5A5u

/** Bytes of stack used so far (from the top of RAM down to the deepest overwritten word). */
uint32_t fw_stack_used(void);

#endif
