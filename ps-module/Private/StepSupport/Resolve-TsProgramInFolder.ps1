function Resolve-TsProgramInFolder {
    <#
    .SYNOPSIS
    Windows: the full path of a relative program found in the step's folder, else the name unchanged (PATH search).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory = $true)][string]$Program, [Parameter(Mandatory = $true)][string]$Folder)
    if ([System.IO.Path]::IsPathRooted($Program)) { return $Program }
    $candidates = @($Program)
    if ([string]::IsNullOrEmpty([System.IO.Path]::GetExtension($Program))) {
        $candidates = @(foreach ($extension in '.com', '.exe', '.bat', '.cmd') { $Program + $extension })
    }
    foreach ($candidate in $candidates) {
        $full = [System.IO.Path]::Combine($Folder, $candidate)
        if ([System.IO.File]::Exists($full)) { return $full }
    }
    return $Program
}
