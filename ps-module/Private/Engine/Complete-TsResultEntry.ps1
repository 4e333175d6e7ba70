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
