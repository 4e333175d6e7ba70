using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace TsSeq.Host.Cmdlets;

/// <summary>
/// The stream cmdlets this host adds to SMA's core set. Only these: everything else of
/// Utility/Management stays missing so scripts fail clearly rather than half-work.
/// </summary>
internal static class StreamCmdlets
{
    private static readonly Type[] All =
    {
        typeof(WriteOutputCommand),
        typeof(WriteHostCommand),
        typeof(WriteVerboseCommand),
        typeof(WriteDebugCommand),
        typeof(WriteWarningCommand),
        typeof(WriteErrorCommand),
        typeof(WriteInformationCommand),
        typeof(WriteProgressCommand),
    };

    public static void AddTo(InitialSessionState state)
    {
        foreach (Type type in All)
        {
            var attribute = (CmdletAttribute)Attribute.GetCustomAttribute(type, typeof(CmdletAttribute))!;
            state.Commands.Add(new SessionStateCmdletEntry($"{attribute.VerbName}-{attribute.NounName}", type, helpFileName: null));
        }
    }
}
