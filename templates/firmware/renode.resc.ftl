<#import "_header.ftl" as h>
<@h.banner c="#"/>
# Renode script for [=board.name] (platform [=board.renodePlatform]), not run by tinyforge's tests
# (Renode is not installable on the CI machine). Build first with `make`, then:
#   renode --disable-gui --console -e '$elf=@build/[=model.name].elf' -e 'include @[=model.name].resc'
using sysbus
mach create "[=board.name]"
machine LoadPlatformDescription @[=board.renodePlatform]
$elf?=@build/[=model.name].elf
sysbus LoadELF $elf
showAnalyzer sysbus.[=board.console.renodeName]
start
