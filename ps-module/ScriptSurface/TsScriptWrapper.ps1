# The command that runs a step's .ps1 as powershell.exe -File would: the engine core
# (Steps/PowerShellScript/ScriptSurface.cs) embeds this file and runs it in a local scope of the
# script's runspace; every value arrives in $args (the script path, the named parameters as a
# dictionary, the positional ones as a list, a list to add the call's success to, whether to
# copy output to a transcript, and the object that learns the script's thread, so a timeout can
# interrupt a blocking .NET call), never as text. It adds $? after the call: that is how `exit N`
# is told from a script that simply ended (both leave N in $LASTEXITCODE, but only `exit` with a
# non-zero N fails the call). Its variables are private, so the script neither sees them nor
# inherits its $ErrorActionPreference, which makes a script that cannot start (it does not
# parse, or its parameters do not bind) a terminating error. Out-Default -Transcript copies
# output into a transcript the script started (under powershell.exe the host does that).
$private:TsNamed = $args[1]
$private:TsPositional = $args[2]
$private:TsEnded = $args[3]
$private:ErrorActionPreference = 'Stop'
$args[5].Enter()
if ($args[4]) { & $args[0] @TsNamed @TsPositional | & { process { $_; $null = $_ | Out-Default -Transcript } } }
else { & $args[0] @TsNamed @TsPositional }
$TsEnded.Add($?)
