using System;
using System.IO;

namespace TsSequence
{
    /// <summary>
    /// <c>_SMSTSUserStarted</c>: whether a person started the run. ConfigMgr says <c>true</c> when
    /// a user started the sequence from Software Center and <c>false</c> when its scheduler did.
    /// tsseq has no scheduler, so the question is whether the engine runs in a user's session:
    /// on Unix, "true" when the engine process has a controlling terminal (someone typed the
    /// command), "" otherwise — cron, systemd and CI have none, but neither has an engine that
    /// its caller started in a session of its own (the Node bridge does, to stop the engine's
    /// whole process group), so no terminal does not prove no user. On Windows, "true" in an
    /// interactive desktop session and "false" where Windows says the process is not
    /// interactive (a service, a scheduled task that runs whether or not the user is logged on).
    /// An engine started by the Node bridge runs in a session of its own, without the terminal:
    /// the bridge then says in TSSEQ_USER_STARTED whether its own process had one.
    /// </summary>
    public static class SessionOrigin
    {
        /// <summary>"true", "false" or "" (unknown), as described on the class.</summary>
        public static string UserStarted()
        {
            string? fromBridge = Environment.GetEnvironmentVariable("TSSEQ_USER_STARTED");
            if (fromBridge == "true" || fromBridge == "false")
            {
                return fromBridge;
            }

            if (Platform.IsWindows)
            {
                return Environment.UserInteractive ? "true" : "false";
            }

            try
            {
                // Opening /dev/tty succeeds exactly when the process has a controlling terminal.
                using (new FileStream("/dev/tty", FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    return "true";
                }
            }
            catch (IOException)
            {
                return string.Empty;
            }
            catch (UnauthorizedAccessException)
            {
                return string.Empty;
            }
        }
    }
}
