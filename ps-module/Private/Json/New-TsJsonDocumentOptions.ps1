function New-TsJsonDocumentOptions {
    $options = [System.Text.Json.JsonDocumentOptions]::new()
    $options.MaxDepth = 256
    return $options
}
