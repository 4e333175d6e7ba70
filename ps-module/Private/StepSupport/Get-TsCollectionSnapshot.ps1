function Get-TsCollectionSnapshot {
    <#
    .SYNOPSIS
    The items a PSDataCollection holds now, without waiting for more.
    .DESCRIPTION
    Enumerating a PSDataCollection that a pipeline still holds open blocks until the pipeline
    ends: after a timeout whose script could not be stopped (blocked in a .NET call), that is
    for ever. Count and the indexer take the collection's lock and return at once.
    #>
    [CmdletBinding()]
    [OutputType([object[]])]
    param([Parameter(Mandatory = $true)][AllowEmptyCollection()][object]$Collection)
    $items = [System.Collections.Generic.List[object]]::new()
    $count = $Collection.Count
    for ($index = 0; $index -lt $count; $index++) { $items.Add($Collection[$index]) }
    return , $items.ToArray()
}
