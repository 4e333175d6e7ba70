using System;
using System.Collections;
using System.Runtime.InteropServices;

namespace TsSequence.Conditions
{
    /// <summary>An os condition: platform (windows, linux, macos; any of a list) and minVersion.</summary>
    public static class OsCondition
    {
        /// <summary>This machine's platform name as conditions spell it.</summary>
        public static string PlatformName
        {
            get
            {
                if (Platform.IsWindows)
                {
                    return "windows";
                }

#if NETFRAMEWORK
                // .NET Framework runs on Windows only.
#else
                if (Environment.OSVersion.Platform == PlatformID.MacOSX || RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                {
                    return "macos";
                }
#endif

                return "linux";
            }
        }

        /// <summary>Whether this machine matches <paramref name="os"/>.</summary>
        public static bool Holds(IDictionary? os)
        {
            if (os == null)
            {
                return true;
            }

            if (os.Contains("platform"))
            {
                string current = PlatformName;
                bool listed = false;
                foreach (object? platform in os["platform"] as object?[] ?? new[] { os["platform"] })
                {
                    listed |= string.Equals(ConditionEvaluator.Text(platform), current, StringComparison.OrdinalIgnoreCase);
                }

                if (!listed)
                {
                    return false;
                }
            }

            if (os.Contains("minVersion"))
            {
                string text = ConditionEvaluator.Text(os["minVersion"]);
                if (!Version.TryParse(text, out Version? minimum))
                {
                    throw new ArgumentException($"os.minVersion '{text}' is not a version such as 10.0");
                }

                if (Environment.OSVersion.Version < minimum)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
