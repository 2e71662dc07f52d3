<#import "_header.ftl" as h>
<@h.banner c="#"/>
# Robot test for Renode (`renode-test [=model.name].robot` after `make`): the firmware must print, for each
# embedded vector, the output line the Java reference interpreter computed<#if !expected?has_content> (none given:
# only DONE and EXIT 0 are checked)</#if>.

*** Variables ***
${ELF}                      @${CURDIR}/build/[=model.name].elf

*** Test Cases ***
Generated Model Matches Java Reference
    Execute Command         mach create "[=board.name]"
    Execute Command         machine LoadPlatformDescription @[=board.renodePlatform]
    Execute Command         sysbus LoadELF ${ELF}
    Create Terminal Tester  sysbus.[=board.console.renodeName]    timeout=60
    Register Failing Uart String    FAULT
    Start Emulation
<#list expected as line>
    Wait For Line On Uart   [=line]
</#list>
    Wait For Line On Uart   DONE
    Wait For Line On Uart   EXIT 0
    ${n}=                   Execute Command    cpu ExecutedInstructions
    Log To Console          executed instructions: ${n}
