function Measure-TsInstructionCount {
    <#
    .SYNOPSIS
    How many instructions a list of items is: every step and group counts one, a group's
    children count too (ConfigMgr numbers groups and steps in one flat table, spec 4).
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param([AllowEmptyCollection()][AllowNull()][object[]]$Items)
    $count = 0
    foreach ($item in $Items) {
        $count++
        if ($item -is [System.Collections.IDictionary] -and $item['type'] -eq 'Group' -and $null -ne $item['steps']) {
            $count += Measure-TsInstructionCount -Items @($item['steps'])
        }
    }
    return $count
}
