function ConvertTo-TsOutputText {
    param($Items)
    $builder = [System.Text.StringBuilder]::new()
    foreach ($item in $Items) {
        $value = $item
        if ($item -is [System.Management.Automation.PSObject]) { $value = $item.PSObject.BaseObject }
        if ($value -is [System.Management.Automation.InformationRecord]) {
            $data = $value.MessageData
            if ($data -is [System.Management.Automation.HostInformationMessage]) {
                [void]$builder.Append($data.Message)
                if (-not $data.NoNewLine) { [void]$builder.Append("`n") }
                continue
            }
            [void]$builder.Append([string]$data).Append("`n")
            continue
        }
        [void]$builder.Append([string]$value).Append("`n")
    }
    return $builder.ToString()
}
