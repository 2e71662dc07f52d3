<#import "_header.ftl" as h>
<@h.banner c="#"/>
# The same build as the Makefile, for CMake users:
#   cmake -S . -B build-cmake -G Ninja && cmake --build build-cmake
cmake_minimum_required(VERSION 3.16)
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
project([=model.name]_firmware C)

set(FW_CPU_FLAGS [=board.cpuFlags?join(" ")])
file(GLOB FW_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.c")
add_executable([=model.name].elf ${FW_SOURCES})
set_property(TARGET [=model.name].elf PROPERTY C_STANDARD 99)
target_compile_options([=model.name].elf PRIVATE ${FW_CPU_FLAGS} -O2 -g -ffp-contract=off -ffunction-sections -fdata-sections
    -Wall -Wextra -Werror -pedantic)
<#if sizeSources?has_content>
# Run once per inference or on few elements: compiled for size (the model's hot kernels keep -O2).
set_source_files_properties(<#list sizeSources as f>"${CMAKE_CURRENT_SOURCE_DIR}/[=f]"<#sep> </#list>
    PROPERTIES COMPILE_OPTIONS -Os)
</#if>
target_link_options([=model.name].elf PRIVATE ${FW_CPU_FLAGS} --specs=nano.specs -nostartfiles
    -Wl,--gc-sections -T "${CMAKE_CURRENT_SOURCE_DIR}/link.ld")
target_link_libraries([=model.name].elf PRIVATE c gcc)
add_custom_command(TARGET [=model.name].elf POST_BUILD COMMAND arm-none-eabi-size -A $<TARGET_FILE:[=model.name].elf>)
