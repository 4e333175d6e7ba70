function ConvertTo-TsBridgeError {
    param($ErrorRecord)
    $exception = Get-TsInnermostError -ErrorRecord $ErrorRecord
    $errorId = 'EngineError'
    $category = 'NotSpecified'
    # "TsSequence.InvalidStep,Invoke-TsStepCore" -> "TsSequence.InvalidStep": Node keys on the id alone.
    if ($ErrorRecord.FullyQualifiedErrorId) { $errorId = ([string]$ErrorRecord.FullyQualifiedErrorId).Split(',')[0] }
    if ($null -ne $ErrorRecord.CategoryInfo) { $category = [string]$ErrorRecord.CategoryInfo.Category }
    return [ordered]@{ message = $exception.Message; errorId = $errorId; category = $category }
}
