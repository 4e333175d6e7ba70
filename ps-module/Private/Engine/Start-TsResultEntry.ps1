function Start-TsResultEntry {
    param([System.Collections.IDictionary]$Entry, [hashtable]$Context)
    $Entry['startedAt'] = [System.DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
    $Entry['__stopwatch'] = [System.Diagnostics.Stopwatch]::StartNew()
    Send-TsEvent -Context $Context -Payload ([ordered]@{ kind = 'stepStarted'; path = $Entry['path']; stepType = $Entry['type']; time = $Entry['startedAt'] })
}
