using System;

namespace TsSequence
{
    /// <summary>
    /// The read-only variables ConfigMgr sets before the first step that mean something outside
    /// OS deployment. A value the platform cannot give is left empty (the variable is not
    /// defined), never made up:
    /// <list type="bullet">
    /// <item><c>_SMSTSAdvertID</c>, <c>_SMSTSMDataPath</c>, <c>_SMSTSLogPath</c>: the run id, its
    /// private folder and that folder's Logs subfolder (<see cref="RunFolder"/>).</item>
    /// <item><c>_SMSTSPackageID</c>, <c>_SMSTSPackageName</c>: the document's id and name.</item>
    /// <item><c>_SMSTSOrgName</c>: ConfigMgr's branding title comes from the site's client
    /// settings, which tsseq does not have: always empty.</item>
    /// <item><c>_SMSTSMachineName</c>: the computer name; <c>_SMSTSInWinPE</c>: <c>false</c>;
    /// <c>_SMSTSType</c>: <c>1</c> (a generic, not an OS deployment, sequence).</item>
    /// <item><c>_SMSTSLaunchMode</c>: <c>SMS</c>, ConfigMgr's value for a sequence the installed
    /// client started in the running OS (the other values, UFD, CD, DVD, PXE, HD, mean boot media
    /// or network boot, which a tsseq run never is); scripts test it to tell the two apart.</item>
    /// <item><c>_SMSTSUserStarted</c>: <see cref="SessionOrigin"/>.</item>
    /// <item><c>_SMSTSBootUEFI</c>, <c>_TSSecureBoot</c>: <see cref="Firmware"/>.</item>
    /// <item><c>_SMSTSClientGUID</c>: <see cref="MachineIdentity"/>.</item>
    /// <item><c>_SMSTSTimezone</c>: <see cref="TimeZoneText"/>.</item>
    /// </list>
    /// The per-step ones (<c>_SMSTSCurrentActionName</c>, <c>_SMSTSNextInstructionPointer</c>,
    /// <c>_SMSTSLastAction*</c>) and <c>_SMSTSInstructionTableSize</c> are the item walker's.
    /// </summary>
    public static class BuiltInVariables
    {
        /// <summary>The value of <c>_SMSTSLaunchMode</c> for every tsseq run.</summary>
        public const string LaunchMode = "SMS";

        /// <summary>The names <see cref="Set"/> sets (or clears, when the value is unknown).</summary>
        public static readonly string[] Names =
        {
            "_SMSTSAdvertID", "_SMSTSMDataPath", "_SMSTSLogPath", "_SMSTSPackageID", "_SMSTSPackageName", "_SMSTSOrgName",
            "_SMSTSMachineName", "_SMSTSInWinPE", "_SMSTSType", "_SMSTSLaunchMode", "_SMSTSUserStarted", "_SMSTSBootUEFI",
            "_TSSecureBoot", "_SMSTSClientGUID", "_SMSTSTimezone",
        };

        // What cannot change while the process lives: looked up once.
        private static readonly Lazy<string[]> MachineFacts = new Lazy<string[]>(() => new[]
        {
            SessionOrigin.UserStarted(), Firmware.BootUefi(), Firmware.SecureBoot(), MachineIdentity.ClientGuid(),
        });

        /// <summary>
        /// Sets the built-in variables of a run in <paramref name="environment"/>: the run's
        /// folder, the sequence's <paramref name="packageId"/> and <paramref name="packageName"/>
        /// (null or "" leaves them undefined), and the machine's facts.
        /// </summary>
        public static void Set(TsEnvironment environment, RunFolder run, string? packageId, string? packageName)
        {
            if (environment is null)
            {
                throw new ArgumentNullException(nameof(environment));
            }

            if (run is null)
            {
                throw new ArgumentNullException(nameof(run));
            }

            string[] facts = MachineFacts.Value;
            environment.SetSystem("_SMSTSAdvertID", run.RunId);
            environment.SetSystem("_SMSTSMDataPath", run.DataPath);
            environment.SetSystem("_SMSTSLogPath", run.LogPath);
            environment.SetSystem("_SMSTSPackageID", packageId);
            environment.SetSystem("_SMSTSPackageName", packageName);
            environment.SetSystem("_SMSTSOrgName", string.Empty);
            environment.SetSystem("_SMSTSMachineName", Environment.MachineName);
            environment.SetSystem("_SMSTSInWinPE", "false");
            environment.SetSystem("_SMSTSType", "1");
            environment.SetSystem("_SMSTSLaunchMode", LaunchMode);
            environment.SetSystem("_SMSTSUserStarted", facts[0]);
            environment.SetSystem("_SMSTSBootUEFI", facts[1]);
            environment.SetSystem("_TSSecureBoot", facts[2]);
            environment.SetSystem("_SMSTSClientGUID", facts[3]);
            environment.SetSystem("_SMSTSTimezone", TimeZoneText.Current());
        }
    }
}
