function New-TsPrivateScriptFile {
    <#
    .SYNOPSIS
    Writes an inline script to a new file in a new folder only this account can write to; returns both paths.
    .DESCRIPTION
    A shared, predictable folder in the temp directory would let another local user swap the
    script between writing and running it (and run code as the engine's account). The folder
    has a random name and is created fresh (owner-only on Unix); the file must not exist yet.
    The caller deletes the folder when the script has run.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param([Parameter(Mandatory = $true)][AllowEmptyString()][string]$Source)
    $folder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'tsseq-script-' + [System.Guid]::NewGuid().ToString('N'))
    if ([System.IO.Directory]::Exists($folder)) { throw [System.IO.IOException]::new("The script folder '$folder' already exists.") }
    $unixFileMode = 'System.IO.UnixFileMode' -as [type]
    if (-not $script:TsIsWindows -and $null -ne $unixFileMode) {
        # 0700: owner read, write, search.
        [void][System.IO.Directory]::CreateDirectory($folder, [System.Enum]::ToObject($unixFileMode, 448))
    }
    else {
        [void][System.IO.Directory]::CreateDirectory($folder)
    }
    $file = [System.IO.Path]::Combine($folder, 'script.ps1')
    # UTF-8 with BOM: Windows PowerShell reads a BOM-less script as the ANSI code page.
    $encoding = [System.Text.UTF8Encoding]::new($true)
    $preamble = $encoding.GetPreamble()
    $bytes = $encoding.GetBytes($Source)
    $stream = [System.IO.File]::Open($file, [System.IO.FileMode]::CreateNew, [System.IO.FileAccess]::Write, [System.IO.FileShare]::None)
    try {
        $stream.Write($preamble, 0, $preamble.Length)
        $stream.Write($bytes, 0, $bytes.Length)
    }
    finally { $stream.Dispose() }
    return @{ Folder = $folder; File = $file }
}
