function Invoke-TsBridgeCallback {
    param([hashtable]$Channel, [string]$Method, [System.Collections.IDictionary]$Params)
    $Channel.NextCallback++
    $callbackId = "c$($Channel.NextCallback)"
    Send-TsBridgeMessage -Channel $Channel -Message ([ordered]@{ type = 'callback'; id = $callbackId; method = $Method; params = $Params })
    while ($true) {
        $line = $Channel.Reader.ReadLine()
        if ($null -eq $line) { throw [System.IO.EndOfStreamException]::new('The Node bridge closed the channel while a Node step was running.') }
        $message = ConvertFrom-TsJson -Json $line
        if ($message['type'] -ne 'callbackResult' -or $message['id'] -ne $callbackId) { continue }
        if ($null -ne $message['error']) { throw [System.InvalidOperationException]::new([string]$message['error']['message']) }
        return $message['result']
    }
}
