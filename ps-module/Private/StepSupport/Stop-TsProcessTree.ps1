function Stop-TsProcessTree {
    param([System.Diagnostics.Process]$Process)
    try {
        $treeKill = [System.Diagnostics.Process].GetMethod('Kill', [type[]]@([bool]))
        if ($null -ne $treeKill) { $Process.Kill($true) } else { $Process.Kill() }
    }
    catch [System.InvalidOperationException] {
        # It exited between the timeout and the kill: nothing left to stop.
    }
}
