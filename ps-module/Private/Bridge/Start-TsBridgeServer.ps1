function Start-TsBridgeServer {
    <#
    .SYNOPSIS
    Serves the Node bridge until shutdown or end of input: hands the engine to the C# protocol server.
    .DESCRIPTION
    The protocol (NDJSON over Node's pipe, requests, events, Node-step callbacks) is
    [TsSequence.Protocol.BridgeServer]; this function gives it the engine functions to call.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$PipeName)
    # Blocks written here are bound to the module, so they see its private functions (not
    # GetNewClosure(): a closure is re-bound outside the module). The server invokes them on this
    # thread, further down this call, so PowerShell's dynamic scoping finds the uniquely named
    # $tsBridgeServer from the engine's -OnEvent and -NodeStepHandler calls.
    $engine = [TsSequence.Protocol.BridgeEngine]::new()
    $engine.InvokeStep = { param($arguments) Invoke-TsStepCore @arguments }
    $engine.RunSequence = { param($arguments) Invoke-TsSequence @arguments }
    $engine.OnEvent = { param($payload) $tsBridgeServer.SendEvent($payload) }
    $engine.NodeStepHandler = { param($call) $tsBridgeServer.Callback('invokeNodeStep', $call) }
    $engine.StepTypes = @($script:TsStepTypes.Values)
    $engine.PSVersion = $PSVersionTable.PSVersion.ToString()
    $engine.PSEdition = [string]$PSVersionTable.PSEdition
    $engine.ModuleVersion = [string]$ExecutionContext.SessionState.Module.Version
    $tsBridgeServer = [TsSequence.Protocol.BridgeServer]::new($engine)
    $tsBridgeServer.Run($PipeName)
}
