function Copy-TsEventEntry {
    param([System.Collections.IDictionary]$Entry, [string]$Kind)
    $payload = [ordered]@{ kind = $Kind }
    foreach ($key in $Entry.Keys) { $payload[$key] = $Entry[$key] }
    return $payload
}
