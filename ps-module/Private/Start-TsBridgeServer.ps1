function Start-TsBridgeServer {
    <#
    .SYNOPSIS
    Serves the Node bridge until shutdown or end of input: hands this session to the engine core's protocol server.
    .DESCRIPTION
    The protocol (framed JSON over Node's pipe, the session keys read from standard input,
    requests, cancels, events, Node-step callbacks) and the engine are
    [TsSequence.Protocol.BridgeServer] and the core behind it; it runs on this thread, so script
    steps take their runspaces from this session. Returns the exit code for the process.
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param([Parameter(Mandatory = $true)][string]$PipeName)
    $engine = [TsSequence.Protocol.BridgeEngine]::new()
    $engine.Session = $script:TsSession
    $engine.PSVersion = $PSVersionTable.PSVersion.ToString()
    $engine.PSEdition = [string]$PSVersionTable.PSEdition
    $engine.ModuleVersion = [string]$ExecutionContext.SessionState.Module.Version
    [TsSequence.Protocol.BridgeServer]::new($engine).Run($PipeName)
}
