function ConvertTo-TsBridgeError {
    param($ErrorRecord)
    $exception = Get-TsInnermostError -ErrorRecord $ErrorRecord
    $errorId = 'EngineError'
    $category = 'NotSpecified'
    if ($ErrorRecord.FullyQualifiedErrorId) { $errorId = [string]$ErrorRecord.FullyQualifiedErrorId }
    if ($null -ne $ErrorRecord.CategoryInfo) { $category = [string]$ErrorRecord.CategoryInfo.Category }
    return [ordered]@{ message = $exception.Message; errorId = $errorId; category = $category }
}
