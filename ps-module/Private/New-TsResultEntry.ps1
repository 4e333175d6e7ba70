function New-TsResultEntry {
    <#
    .SYNOPSIS
    Creates a step/group entry of the result document (DESIGN.md section 4), not yet run.
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param([Parameter(Mandatory = $true)][AllowEmptyString()][string]$Path, [Parameter(Mandatory = $true)][string]$Type)
    return [ordered]@{
        path       = $Path
        type       = $Type
        status     = 'Skipped'
        exitCode   = $null
        startedAt  = $null
        durationMs = 0
        message    = ''
    }
}

function Start-TsResultEntry {
    param([System.Collections.IDictionary]$Entry, [hashtable]$Context)
    $Entry['startedAt'] = [System.DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
    $Entry['__stopwatch'] = [System.Diagnostics.Stopwatch]::StartNew()
    Send-TsEvent -Context $Context -Payload ([ordered]@{ kind = 'stepStarted'; path = $Entry['path']; stepType = $Entry['type']; time = $Entry['startedAt'] })
}

function Complete-TsResultEntry {
    <#
    .SYNOPSIS
    Settles an entry's status: Succeeded, FailedContinued (own continueOnError absorbed it) or Failed.
    #>
    param(
        [System.Collections.IDictionary]$Entry,
        [hashtable]$Context,
        [bool]$Succeeded,
        [bool]$ContinueOnError,
        [AllowNull()][object]$ExitCode = $null,
        [AllowEmptyString()][string]$Message = ''
    )
    if ($Entry.Contains('__stopwatch')) {
        $Entry['durationMs'] = [int]$Entry['__stopwatch'].Elapsed.TotalMilliseconds
        $Entry.Remove('__stopwatch')
    }
    elseif ($null -eq $Entry['startedAt']) {
        $Entry['startedAt'] = [System.DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
    }
    $status = 'Succeeded'
    if (-not $Succeeded) {
        $status = 'Failed'
        if ($ContinueOnError) { $status = 'FailedContinued' }
    }
    $Entry['status'] = $status
    $Entry['exitCode'] = $ExitCode
    $Entry['message'] = $Context.Environment.Mask($Message)
    Send-TsEvent -Context $Context -Payload (Copy-TsEventEntry -Entry $Entry -Kind 'stepFinished')
    return $status
}

function Copy-TsEventEntry {
    param([System.Collections.IDictionary]$Entry, [string]$Kind)
    $payload = [ordered]@{ kind = $Kind }
    foreach ($key in $Entry.Keys) { $payload[$key] = $Entry[$key] }
    return $payload
}
