using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.IO;

namespace TsSequence.Conditions
{
    /// <summary>
    /// Installed packages on Linux: dpkg-query where dpkg is the package manager, else rpm. The
    /// tools run as processes with the package name as an argument of its own (never through a
    /// shell), and only a package of exactly that name (ignoring case) counts, so a name with
    /// glob characters matches nothing but itself.
    /// </summary>
    internal static class PackageDatabase
    {
        private const int TimeoutMilliseconds = 60_000;

        /// <summary>Whether dpkg-query or rpm is on the PATH; <paramref name="name"/> says which.</summary>
        internal static bool Available(out string name)
        {
            name = Tool("dpkg-query") != null ? "dpkg" : Tool("rpm") != null ? "rpm" : string.Empty;
            return name.Length > 0;
        }

        /// <summary>The installed packages named <paramref name="package"/> (one per architecture).</summary>
        internal static List<InstalledProduct> Find(string package)
        {
            var found = new List<InstalledProduct>();
            string? dpkg = Tool("dpkg-query");
            string output = dpkg != null
                ? Run(dpkg, "-W", "-f=${Package}\t${Status}\t${Version}\n", "--", package.ToLowerInvariant()) // Debian package names are lower case
                : Run(Tool("rpm")!, "-q", "--queryformat", "%{NAME}\tinstall ok installed\t%{VERSION}-%{RELEASE}\n", "--", package);
            foreach (string line in output.Split('\n'))
            {
                string[] fields = line.Split('\t');
                // dpkg also lists packages that were removed but not purged ("deinstall ok config-files").
                if (fields.Length == 3 && string.Equals(fields[0], package, StringComparison.OrdinalIgnoreCase) && fields[1].EndsWith(" installed", StringComparison.Ordinal))
                {
                    found.Add(new InstalledProduct(fields[0], fields[2]));
                }
            }

            return found;
        }

        private static string? Tool(string name)
        {
            foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                if (folder.Length > 0 && File.Exists(Path.Combine(folder, name)))
                {
                    return Path.Combine(folder, name);
                }
            }

            return null;
        }

        // A package that is not installed makes both tools exit 1: the output decides, not the code.
        private static string Run(string program, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(program)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };
            if (!(typeof(ProcessStartInfo).GetProperty("ArgumentList")?.GetValue(startInfo) is Collection<string> list))
            {
                throw new PlatformNotSupportedException("This .NET has no ProcessStartInfo.ArgumentList to pass a package name as data.");
            }

            foreach (string argument in arguments)
            {
                list.Add(argument);
            }

            startInfo.Environment["LC_ALL"] = "C";
            using (Process process = Process.Start(startInfo)!)
            {
                process.StandardInput.Close();
                var error = process.StandardError.ReadToEndAsync();
                var output = process.StandardOutput.ReadToEndAsync();
                if (!process.WaitForExit(TimeoutMilliseconds))
                {
                    try
                    {
                        process.Kill();
                    }
                    catch (InvalidOperationException)
                    {
                        // it ended meanwhile
                    }

                    throw new TimeoutException($"{Path.GetFileName(program)} did not answer within {TimeoutMilliseconds / 1000} seconds.");
                }

                return output.Result;
            }
        }
    }
}
