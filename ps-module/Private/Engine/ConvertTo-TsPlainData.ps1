function ConvertTo-TsPlainData {
    <#
    .SYNOPSIS
    Turns step objects from any source into plain data: ordered hashtables, arrays, primitives.
    .DESCRIPTION
    Steps arrive as New-Ts*Step objects (PSCustomObject), hashtables, ConvertFrom-Json output
    or parsed JSON; the engine reads one shape only.
    #>
    [CmdletBinding()]
    [OutputType([object])]
    param([AllowNull()][object]$InputObject)
    if ($null -eq $InputObject) { return $null }
    if ($InputObject -is [System.Management.Automation.PSObject] -and
        $InputObject.PSObject.BaseObject -isnot [System.Management.Automation.PSCustomObject]) {
        $InputObject = $InputObject.PSObject.BaseObject
    }
    if ($InputObject -is [string] -or $InputObject -is [System.ValueType]) { return $InputObject }
    if ($InputObject -is [System.Collections.IDictionary]) {
        $result = [ordered]@{}
        foreach ($key in $InputObject.Keys) { $result[[string]$key] = ConvertTo-TsPlainData -InputObject $InputObject[$key] }
        return , $result
    }
    if ($InputObject -is [System.Management.Automation.PSCustomObject] -or $InputObject -is [System.Management.Automation.PSObject]) {
        $result = [ordered]@{}
        foreach ($property in $InputObject.PSObject.Properties) { $result[$property.Name] = ConvertTo-TsPlainData -InputObject $property.Value }
        return , $result
    }
    if ($InputObject -is [System.Collections.IEnumerable]) {
        $items = [System.Collections.Generic.List[object]]::new()
        foreach ($item in $InputObject) { $items.Add((ConvertTo-TsPlainData -InputObject $item)) }
        return , $items.ToArray()
    }
    return $InputObject
}
