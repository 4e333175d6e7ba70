using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TsSequence.Engine.Restart
{
    /// <summary>
    /// Windows: registers a scheduled task that resumes the run when the user logs on again
    /// (DPAPI protects the saved secrets for that user; a run as SYSTEM resumes at startup), then
    /// <c>shutdown.exe /r /t &lt;notice&gt; /c &lt;message&gt;</c>. The resume removes the task.
    /// </summary>
    internal sealed class WindowsRestartProvider : IRestartProvider
    {
        public void Restart(string stateFolder, string runId, RestartRequest request)
        {
            List<string> command = BootResume.Command(stateFolder, "windows");
            ControlCharacters.Refuse("a scheduled task's command", new List<string>(command) { runId });
            // schtasks takes the task's command as one string: each argument quoted as data.
            var taskCommand = new StringBuilder();
            foreach (string argument in command)
            {
                if (taskCommand.Length > 0)
                {
                    taskCommand.Append(' ');
                }

                CommandLineQuoting.Append(taskCommand, argument);
            }

            bool system = string.Equals(System.Environment.UserName, "SYSTEM", System.StringComparison.OrdinalIgnoreCase);
            var create = new List<string> { "/Create", "/F", "/TN", TaskName(runId), "/TR", taskCommand.ToString(), "/SC", system ? "ONSTART" : "ONLOGON", "/RL", "HIGHEST" };
            if (system)
            {
                create.AddRange(new[] { "/RU", "SYSTEM" });
            }

            ProviderActions.Run("schtasks.exe", create);
            var shutdown = new List<string> { "/r", "/t", request.DelaySeconds.ToString(CultureInfo.InvariantCulture) };
            if (!string.IsNullOrEmpty(request.Message))
            {
                // shutdown.exe takes at most 512 characters of comment.
                shutdown.AddRange(new[] { "/c", request.Message!.Length > 512 ? request.Message.Substring(0, 512) : request.Message });
            }

            ProviderActions.Run("shutdown.exe", shutdown);
        }

        public void Unregister(string runId) =>
            ProviderActions.Run("schtasks.exe", new List<string> { "/Delete", "/F", "/TN", TaskName(runId) }, mayFail: true);

        private static string TaskName(string runId) => "tsseq-resume-" + runId;
    }
}
