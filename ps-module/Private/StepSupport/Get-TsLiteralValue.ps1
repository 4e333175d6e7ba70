function Get-TsLiteralValue {
    param([System.Management.Automation.Language.Ast]$Ast, [string]$Text)
    if ($Ast -is [System.Management.Automation.Language.StringConstantExpressionAst]) { return $Ast.Value }
    if ($Ast -is [System.Management.Automation.Language.ExpandableStringExpressionAst]) {
        if ($Ast.NestedExpressions.Count -eq 0) { return $Ast.Value }
    }
    elseif ($Ast -is [System.Management.Automation.Language.ConstantExpressionAst]) { return $Ast.Value }
    elseif ($Ast -is [System.Management.Automation.Language.VariableExpressionAst] -and @('true', 'false', 'null') -contains $Ast.VariablePath.UserPath) {
        # $true/$false/$null are constants, not data from outside: allowed for -Switch:$false.
        switch ($Ast.VariablePath.UserPath) { 'true' { return $true } 'false' { return $false } default { return $null } }
    }
    elseif ($Ast -is [System.Management.Automation.Language.ArrayLiteralAst]) {
        return , @(foreach ($item in $Ast.Elements) { Get-TsLiteralValue -Ast $item -Text $Text })
    }
    throw [System.ArgumentException]::new("parameters: $($Ast.Extent.Text) is not a literal value. Script parameters are passed as data, so variables and expressions are not evaluated; quote the value, or use %Name% to insert a task sequence variable.")
}
