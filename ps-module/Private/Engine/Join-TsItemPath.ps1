function Join-TsItemPath {
    param([string]$ParentPath, [string]$Name)
    if ([string]::IsNullOrEmpty($ParentPath)) { return $Name }
    return "$ParentPath/$Name"
}
