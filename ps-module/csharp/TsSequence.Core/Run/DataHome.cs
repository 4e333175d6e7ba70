using System;
using System.IO;

namespace TsSequence
{
    /// <summary>
    /// The user's data directory, where tsseq keeps per-run folders: <c>$XDG_DATA_HOME</c> or
    /// <c>~/.local/share</c> on Unix (the XDG Base Directory rules), <c>%LOCALAPPDATA%</c> on
    /// Windows.
    /// </summary>
    public static class DataHome
    {
        /// <summary>The data directory; throws when the platform names none.</summary>
        /// <exception cref="InvalidOperationException">No data directory can be determined.</exception>
        public static string Resolve()
        {
            string? home;
            if (Platform.IsWindows)
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            }
            else
            {
                // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
                home = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
                if (string.IsNullOrEmpty(home) || !Path.IsPathRooted(home))
                {
                    string? user = Environment.GetEnvironmentVariable("HOME");
                    home = string.IsNullOrEmpty(user) || !Path.IsPathRooted(user) ? null : Path.Combine(user, ".local", "share");
                }
            }

            if (string.IsNullOrEmpty(home))
            {
                throw new InvalidOperationException(Platform.IsWindows
                    ? "Cannot find the user's data folder: %LOCALAPPDATA% is not set."
                    : "Cannot find the user's data folder: neither XDG_DATA_HOME nor HOME is set to an absolute path.");
            }

            return home!;
        }
    }
}
