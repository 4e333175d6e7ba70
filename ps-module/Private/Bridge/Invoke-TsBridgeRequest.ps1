function Invoke-TsBridgeRequest {
    <#
    .SYNOPSIS
    Dispatches one bridge request to the engine and returns its result (plain data).
    .DESCRIPTION
    Events of the run go back to Node as they happen; Node steps call back over the same
    channel and wait for the answer.
    #>
    [CmdletBinding()]
    param([hashtable]$Channel, [System.Collections.IDictionary]$Request)
    $id = $Request['id']
    $params = $Request['params']
    if ($null -eq $params) { $params = @{} }
    # Not GetNewClosure(): a closure is re-bound outside the module and would lose its private
    # functions. These blocks run further down this call, so PowerShell's dynamic scoping finds
    # the two uniquely named variables below.
    $tsBridgeChannel = $Channel
    $tsBridgeRequestId = $id
    $onEvent = { param($payload) Send-TsBridgeMessage -Channel $tsBridgeChannel -Message ([ordered]@{ type = 'event'; id = $tsBridgeRequestId; event = $payload }) }
    $nodeStepHandler = { param($call) Invoke-TsBridgeCallback -Channel $tsBridgeChannel -Method 'invokeNodeStep' -Params $call }
    # Node asks for no events when nothing listens: building and sending them is most of a cheap step's cost.
    if ($params['events'] -eq $false) { $onEvent = $null }
    switch ([string]$Request['method']) {
        'ping' { return [ordered]@{ pong = $true } }
        'shutdown' { return $null }
        'getStepTypes' { return @(foreach ($type in $script:TsStepTypes.Values) { $type }) }
        'invokeStep' {
            $arguments = @{ Step = $params['step']; OnEvent = $onEvent; NodeStepHandler = $nodeStepHandler; AsDictionary = $true; Variables = @{} }
            if ($null -ne $params['variables']) { $arguments['Variables'] = $params['variables'] }
            if ($null -ne $params['secrets']) { $arguments['SecretNames'] = [string[]]@($params['secrets']) }
            if ($null -ne $params['baseDirectory']) { $arguments['BaseDirectory'] = [string]$params['baseDirectory'] }
            return Invoke-TsStepCore @arguments
        }
        'runSequence' {
            $arguments = @{ InputObject = $params['document']; OnEvent = $onEvent; NodeStepHandler = $nodeStepHandler; AsDictionary = $true }
            if ($null -ne $params['variables']) { $arguments['Variables'] = $params['variables'] }
            if ($null -ne $params['secrets']) { $arguments['SecretVariable'] = [string[]]@($params['secrets']) }
            if ($null -ne $params['baseDirectory']) { $arguments['BaseDirectory'] = [string]$params['baseDirectory'] }
            if ($params['whatIf'] -eq $true) { $arguments['WhatIf'] = $true }
            return Invoke-TsSequence @arguments
        }
        default { throw [System.ArgumentException]::new("Unknown bridge method '$($Request['method'])'.") }
    }
}
