function Get-TsModuleVersion {
    $module = $ExecutionContext.SessionState.Module
    if ($null -eq $module) { return '' }
    return $module.Version.ToString()
}
