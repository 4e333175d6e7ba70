function Test-TsReducedEngine {
    # The embedded engine is the one without the Utility module (ConvertTo-Json lives there).
    return $null -eq (Get-Command -Name 'ConvertTo-Json' -CommandType Cmdlet -ErrorAction SilentlyContinue)
}
