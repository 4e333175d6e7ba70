function Get-TsPlatformName {
    if ($script:TsIsWindows) { return 'windows' }
    if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::MacOSX) { return 'macos' }
    if ($script:TsIsCoreClr -and [System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::OSX)) { return 'macos' }
    return 'linux'
}
