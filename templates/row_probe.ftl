<#-- Renders one row twin's call with every argument slot replaced by a marker, so that codegen.RowCalls learns
     which slots the call reads (the others are not stored in the rows). -->
<#import "ops/rows/${template}.ftl" as op>
<@op.row_call a=first f=probe/>
