using System;

namespace TsSequence
{
    /// <summary>Which operating system family the engine runs on (the same test on .NET Framework and .NET).</summary>
    internal static class Platform
    {
        /// <summary>True on Windows; false on Linux, macOS and other Unix systems.</summary>
        public static bool IsWindows { get; } = Environment.OSVersion.Platform == PlatformID.Win32NT;
    }
}
