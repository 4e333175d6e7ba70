function Test-TsIsInteger {
    param($Value)
    if ($Value -is [int] -or $Value -is [long]) { return $true }
    if ($Value -is [double]) { return [math]::Floor($Value) -eq $Value }
    return $false
}
