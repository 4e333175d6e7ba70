function New-TsProcessStartInfo {
    <#
    .SYNOPSIS
    Builds the ProcessStartInfo for a ConfigMgr command line on this platform.
    .DESCRIPTION
    Unix: /bin/sh -c <command line>, passed as two separate arguments (ArgumentList), so the
    command line reaches the shell exactly as written. Windows: the first token is the
    program and the rest its raw argument string, as CreateProcess receives it from smsswd;
    a relative program is looked for in the working directory first ("Start in"), trying
    .com, .exe, .bat and .cmd when it has no extension. Stream redirection is the runner's job.
    #>
    [CmdletBinding()]
    [OutputType([System.Diagnostics.ProcessStartInfo])]
    param(
        [Parameter(Mandatory = $true)][string]$CommandLine,
        [Parameter(Mandatory = $true)][string]$WorkingDirectory
    )
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new()
    if ($script:TsIsWindows) {
        $trimmed = $CommandLine.TrimStart()
        if ($trimmed.StartsWith('"')) {
            $end = $trimmed.IndexOf('"', 1)
            if ($end -lt 0) { throw [System.ArgumentException]::new("The command line has an unclosed quote: $CommandLine") }
            $program = $trimmed.Substring(1, $end - 1)
            $startInfo.Arguments = $trimmed.Substring($end + 1).TrimStart()
        }
        else {
            $space = $trimmed.IndexOf(' ')
            if ($space -lt 0) { $program = $trimmed }
            else {
                $program = $trimmed.Substring(0, $space)
                $startInfo.Arguments = $trimmed.Substring($space + 1).TrimStart()
            }
        }
        $startInfo.FileName = Resolve-TsProgramInFolder -Program $program -Folder $WorkingDirectory
    }
    else {
        $startInfo.FileName = '/bin/sh'
        $startInfo.ArgumentList.Add('-c')
        $startInfo.ArgumentList.Add($CommandLine)
    }
    $startInfo.WorkingDirectory = $WorkingDirectory
    return $startInfo
}
