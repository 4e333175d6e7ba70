using System;

namespace TsSequence.Engine.Restart
{
    /// <summary>The restart provider of each name of <see cref="RunOptions.RestartProviders"/>.</summary>
    internal static class RestartProviders
    {
        internal static IRestartProvider For(string name)
        {
            switch (name)
            {
                case "exit":
                    return new ExitRestartProvider();
                case "windows":
                    return new WindowsRestartProvider();
                case "systemd":
                    return new SystemdRestartProvider();
                default:
                    throw new ArgumentException($"'{name}' is not a restart provider; expected one of {string.Join(", ", RunOptions.RestartProviders)}.");
            }
        }
    }

    /// <summary>The exit provider: the state is saved; the run returns RestartPending (CLI exit 3010) for `tsseq resume`.</summary>
    internal sealed class ExitRestartProvider : IRestartProvider
    {
        public void Restart(string stateFolder, string runId, RestartRequest request)
        {
        }

        public void Unregister(string runId)
        {
        }
    }
}
