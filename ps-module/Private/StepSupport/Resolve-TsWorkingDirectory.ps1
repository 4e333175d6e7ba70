function Resolve-TsWorkingDirectory {
    <#
    .SYNOPSIS
    Returns the full path a step should start in, or throws naming the missing folder.
    .DESCRIPTION
    A relative path is taken from the sequence's base directory (the folder of the sequence
    file), the closest thing to ConfigMgr's package folder until packages are supported.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)][hashtable]$Context,
        [AllowEmptyString()][AllowNull()][string]$Directory
    )
    if ([string]::IsNullOrEmpty($Directory)) { return $Context.BaseDirectory }
    $full = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($Context.BaseDirectory, $Directory))
    if (-not [System.IO.Directory]::Exists($full)) {
        throw [System.IO.DirectoryNotFoundException]::new("The working directory '$full' does not exist.")
    }
    return $full
}
