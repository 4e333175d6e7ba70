using System;
using System.Diagnostics;
using System.Collections.ObjectModel;
using System.IO;
using System.Text;

namespace TsSequence.Steps.CommandLine
{
    /// <summary>
    /// The ProcessStartInfo for a ConfigMgr command line on this platform. Unix: /bin/sh -c
    /// &lt;command line&gt;, the command line passed as one argument, exactly as written. Windows: the
    /// first token is the program and the rest its raw argument string, as CreateProcess receives
    /// it from smsswd; a relative program is looked for in the working directory first ("Start
    /// in"), trying .com, .exe, .bat and .cmd when it has no extension. Redirection is the runner's job.
    /// </summary>
    public static class CommandLineStartInfo
    {
        /// <summary>The start info for <paramref name="commandLine"/> in <paramref name="workingDirectory"/>.</summary>
        public static ProcessStartInfo Create(string commandLine, string workingDirectory)
        {
            var startInfo = new ProcessStartInfo();
            if (Platform.IsWindows)
            {
                string trimmed = commandLine.TrimStart();
                string program;
                if (trimmed.StartsWith("\"", StringComparison.Ordinal))
                {
                    int end = trimmed.IndexOf('"', 1);
                    if (end < 0)
                    {
                        throw new ArgumentException("The command line has an unclosed quote: " + commandLine);
                    }

                    program = trimmed.Substring(1, end - 1);
                    startInfo.Arguments = trimmed.Substring(end + 1).TrimStart();
                }
                else
                {
                    int space = trimmed.IndexOf(' ');
                    program = space < 0 ? trimmed : trimmed.Substring(0, space);
                    if (space >= 0)
                    {
                        startInfo.Arguments = trimmed.Substring(space + 1).TrimStart();
                    }
                }

                startInfo.FileName = FindInFolder(program, workingDirectory);
            }
            else
            {
                startInfo.FileName = "/bin/sh";
                AddArguments(startInfo, "-c", commandLine);
            }

            startInfo.WorkingDirectory = workingDirectory;
            return startInfo;
        }

        /// <summary>Windows: the full path of a relative program found in the step's folder, else the name unchanged (PATH search).</summary>
        private static string FindInFolder(string program, string folder)
        {
            if (Path.IsPathRooted(program))
            {
                return program;
            }

            string[] candidates = string.IsNullOrEmpty(Path.GetExtension(program))
                ? new[] { program + ".com", program + ".exe", program + ".bat", program + ".cmd" }
                : new[] { program };
            foreach (string candidate in candidates)
            {
                string full = Path.Combine(folder, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }

            return program;
        }

        /// <summary>
        /// Passes each argument as itself: ProcessStartInfo.ArgumentList (every .NET that runs
        /// PowerShell 7 has it; this netstandard2.0 build reaches it by reflection), else one
        /// Arguments string quoted by the rules .NET splits it back with.
        /// </summary>
        private static void AddArguments(ProcessStartInfo startInfo, params string[] arguments)
        {
            if (typeof(ProcessStartInfo).GetProperty("ArgumentList")?.GetValue(startInfo) is Collection<string> list)
            {
                foreach (string argument in arguments)
                {
                    list.Add(argument);
                }

                return;
            }

            var text = new StringBuilder();
            foreach (string argument in arguments)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                Quote(text, argument);
            }

            startInfo.Arguments = text.ToString();
        }

        /// <summary>CommandLineToArgvW quoting: backslashes double only before a quote or the closing quote.</summary>
        private static void Quote(StringBuilder text, string argument)
        {
            text.Append('"');
            int backslashes = 0;
            foreach (char c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                text.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
                backslashes = 0;
                text.Append(c);
            }

            text.Append('\\', backslashes * 2);
            text.Append('"');
        }
    }
}
