function ConvertTo-TsScriptArgumentList {
    <#
    .SYNOPSIS
    Turns a Run PowerShell Script step's 'parameters' into data: a list of parameters and arguments.
    .DESCRIPTION
    Named values (an object) map one to one. A ConfigMgr-style string ("-Name 'x' -Count 3
    -Force") is split by PowerShell's parser, never run: only literal values are accepted
    (quoted or bare strings, numbers, comma lists), so a variable, sub-expression or second
    statement is an error, not code. %var% references are expanded in each value after the
    split, so a variable's value can never change how the parameters are split.
    Each entry is @{ Name = <parameter name or $null>; Value; HasValue }.
    #>
    [CmdletBinding()]
    [OutputType([object[]])]
    param(
        [AllowNull()][object]$Parameters,
        [Parameter(Mandatory = $true)][hashtable]$Context
    )
    $environment = $Context.Environment
    $list = [System.Collections.Generic.List[object]]::new()
    if ($null -eq $Parameters) { return , $list.ToArray() }
    if ($Parameters -is [System.Collections.IDictionary]) {
        foreach ($name in $Parameters.Keys) {
            $list.Add(@{ Name = [string]$name; Value = (Expand-TsArgumentValue -Value $Parameters[$name] -Environment $environment); HasValue = $true })
        }
        return , $list.ToArray()
    }
    $text = [string]$Parameters
    if ($text.Trim().Length -eq 0) { return , $list.ToArray() }

    # Parse-only: a fixed command word lets the parser read the text in argument mode.
    $tokens = $null
    $parseErrors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput("tsseq-parameters $text", [ref]$tokens, [ref]$parseErrors)
    if ($parseErrors.Count -gt 0) {
        throw [System.ArgumentException]::new("parameters: '$text' could not be parsed: $($parseErrors[0].Message)")
    }
    $statements = $ast.EndBlock.Statements
    $command = $null
    if ($statements.Count -eq 1 -and $statements[0] -is [System.Management.Automation.Language.PipelineAst] -and
        $statements[0].PipelineElements.Count -eq 1 -and $statements[0].PipelineElements[0] -is [System.Management.Automation.Language.CommandAst]) {
        $command = $statements[0].PipelineElements[0]
    }
    if ($null -eq $command -or $command.Redirections.Count -gt 0) {
        throw [System.ArgumentException]::new("parameters: '$text' must be a plain list of script parameters (no ';', '|', redirection or second statement).")
    }
    $elements = $command.CommandElements
    for ($index = 1; $index -lt $elements.Count; $index++) {
        $element = $elements[$index]
        if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
            if ($null -ne $element.Argument) {
                $value = Get-TsLiteralValue -Ast $element.Argument -Text $text
                $list.Add(@{ Name = $element.ParameterName; Value = (Expand-TsArgumentValue -Value $value -Environment $environment); HasValue = $true })
            }
            elseif ($index + 1 -lt $elements.Count -and $elements[$index + 1] -isnot [System.Management.Automation.Language.CommandParameterAst]) {
                # "-Name value": paired here, because a parameter handed to the binder without
                # its value is read as a switch. A switch before a positional value needs -Switch:$true.
                $index++
                $value = Get-TsLiteralValue -Ast $elements[$index] -Text $text
                $list.Add(@{ Name = $element.ParameterName; Value = (Expand-TsArgumentValue -Value $value -Environment $environment); HasValue = $true })
            }
            else {
                $list.Add(@{ Name = $element.ParameterName; Value = $null; HasValue = $false })
            }
            continue
        }
        $value = Get-TsLiteralValue -Ast $element -Text $text
        $list.Add(@{ Name = $null; Value = (Expand-TsArgumentValue -Value $value -Environment $environment); HasValue = $true })
    }
    return , $list.ToArray()
}
