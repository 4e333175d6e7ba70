using System.Collections.Generic;
using System.Text;

namespace TsSequence.Engine.Restart
{
    /// <summary>
    /// systemd: writes a oneshot unit /etc/systemd/system/tsseq-resume-&lt;run id&gt;.service that
    /// resumes the run at boot, enables it, then <c>systemctl reboot</c> (the notice delay is
    /// waited first; systemd has no message box). The resume disables and removes the unit.
    /// Needs root, as writing system units does.
    /// </summary>
    internal sealed class SystemdRestartProvider : IRestartProvider
    {
        public void Restart(string stateFolder, string runId, RestartRequest request)
        {
            List<string> command = BootResume.Command(stateFolder, "systemd");
            ControlCharacters.Refuse("a systemd unit line", new List<string>(command) { runId });
            var execStart = new StringBuilder();
            foreach (string argument in command)
            {
                execStart.Append(execStart.Length == 0 ? string.Empty : " ").Append(Quote(argument));
            }

            string unit =
                "# Written by tsseq: resumes task sequence run " + runId + " after the restart it asked for.\n" +
                "[Unit]\nDescription=tsseq: resume task sequence run " + runId + "\nAfter=network-online.target\nWants=network-online.target\n\n" +
                "[Service]\nType=oneshot\nExecStart=" + execStart + "\n\n" +
                "[Install]\nWantedBy=multi-user.target\n";
            ProviderActions.WriteFile(UnitPath(runId), unit);
            ProviderActions.Run("systemctl", new List<string> { "daemon-reload" });
            ProviderActions.Run("systemctl", new List<string> { "enable", UnitName(runId) });
            if (request.DelaySeconds > 0 && System.Environment.GetEnvironmentVariable(ProviderActions.TestFolderVariable) == null)
            {
                System.Threading.Thread.Sleep(request.DelaySeconds * 1000);
            }

            ProviderActions.Run("systemctl", new List<string> { "reboot" });
        }

        public void Unregister(string runId)
        {
            ProviderActions.Run("systemctl", new List<string> { "disable", UnitName(runId) }, mayFail: true);
            ProviderActions.DeleteFile(UnitPath(runId));
        }

        private static string UnitName(string runId) => "tsseq-resume-" + runId + ".service";

        private static string UnitPath(string runId) => "/etc/systemd/system/" + UnitName(runId);

        /// <summary>One ExecStart word: double-quoted, with systemd's escapes for \, ", % (specifiers) and $ (variables).</summary>
        private static string Quote(string word) =>
            "\"" + word.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("%", "%%").Replace("$", "$$") + "\"";
    }
}
