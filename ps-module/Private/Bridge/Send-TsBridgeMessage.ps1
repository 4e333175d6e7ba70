function Send-TsBridgeMessage {
    param([hashtable]$Channel, [System.Collections.IDictionary]$Message)
    $Channel.Writer.WriteLine((ConvertTo-TsJson -InputObject $Message))
    $Channel.Writer.Flush()
}
