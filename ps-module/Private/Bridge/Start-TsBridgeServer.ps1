function Start-TsBridgeServer {
    <#
    .SYNOPSIS
    Serves the Node bridge: connects to its pipe and answers requests until shutdown or end of input.
    .DESCRIPTION
    Protocol (src/bridge/protocol.ts is the Node end): UTF-8, one JSON object per line.
    PowerShell sends {"type":"ready"} first; Node sends {"type":"request","id","method","params"};
    PowerShell answers {"type":"response","id","result"|"error"} and, while a request runs,
    sends {"type":"event","id","event"} and {"type":"callback","id","method","params"} (Node
    steps), to which Node replies {"type":"callbackResult","id","result"|"error"}. Requests are
    handled one at a time.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$PipeName)
    $pipe = [System.IO.Pipes.NamedPipeClientStream]::new('.', $PipeName, [System.IO.Pipes.PipeDirection]::InOut)
    $pipe.Connect(30000)
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $channel = @{
        Reader       = [System.IO.StreamReader]::new($pipe, $utf8, $false, 65536)
        Writer       = [System.IO.StreamWriter]::new($pipe, $utf8, 65536)
        NextCallback = 0
    }
    $channel.Writer.NewLine = "`n"
    try {
        Send-TsBridgeMessage -Channel $channel -Message ([ordered]@{
                type          = 'ready'
                protocol      = 1
                psVersion     = $PSVersionTable.PSVersion.ToString()
                psEdition     = [string]$PSVersionTable.PSEdition
                moduleVersion = (Get-TsModuleVersion)
            })
        while ($true) {
            $line = $channel.Reader.ReadLine()
            if ($null -eq $line) { break }
            if ($line.Length -eq 0) { continue }
            $request = $null
            try { $request = ConvertFrom-TsJson -Json $line }
            catch {
                # Answer the request it was meant to be, when its id can still be read, so Node
                # fails that one call instead of losing track of the conversation.
                $id = $null
                $idMatch = [regex]::Match($line, '"id"\s*:\s*(\d+)')
                if ($idMatch.Success) { $id = [long]$idMatch.Groups[1].Value }
                $reason = (Get-TsInnermostError -ErrorRecord $_).Message
                Send-TsBridgeMessage -Channel $channel -Message ([ordered]@{ type = 'response'; id = $id; error = [ordered]@{ message = "Malformed request: $reason"; errorId = 'TsSequence.MalformedRequest'; category = 'ParserError' } })
                continue
            }
            if ($request['type'] -ne 'request') { continue }
            $id = $request['id']
            $response = [ordered]@{ type = 'response'; id = $id }
            try {
                $response['result'] = Invoke-TsBridgeRequest -Channel $channel -Request $request
            }
            catch {
                $response['error'] = ConvertTo-TsBridgeError -ErrorRecord $_
            }
            Send-TsBridgeMessage -Channel $channel -Message $response
            if ($request['method'] -eq 'shutdown') { break }
        }
    }
    finally {
        $channel.Writer.Dispose()
        $channel.Reader.Dispose()
        $pipe.Dispose()
    }
}
