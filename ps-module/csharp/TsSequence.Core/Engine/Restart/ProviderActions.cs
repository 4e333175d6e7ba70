using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using TsSequence.Json;

namespace TsSequence.Engine.Restart
{
    /// <summary>
    /// What the windows and systemd providers do to the machine: write a file, run a program.
    /// With TSSEQ_RESTART_PROVIDER_TEST_DIR set (a test hook) nothing is done: files are written
    /// into that folder instead (under their file name) and every program's argument list is
    /// appended to <c>commands.jsonl</c> there, one JSON array a line, so tests can check what a
    /// real restart would do without restarting.
    /// </summary>
    internal static class ProviderActions
    {
        internal const string TestFolderVariable = "TSSEQ_RESTART_PROVIDER_TEST_DIR";

        private static string? TestFolder => Environment.GetEnvironmentVariable(TestFolderVariable) is string folder && folder.Length > 0 ? folder : null;

        /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (or, under the test hook, into its folder).</summary>
        internal static void WriteFile(string path, string content)
        {
            string target = TestFolder == null ? path : Path.Combine(TestFolder, Path.GetFileName(path));
            File.WriteAllText(target, content, new UTF8Encoding(false));
            PrivateUnderTestHook(target);
        }

        /// <summary>Deletes <paramref name="path"/> if it exists (under the test hook: its copy in the test folder).</summary>
        internal static void DeleteFile(string path)
        {
            string target = TestFolder == null ? path : Path.Combine(TestFolder, Path.GetFileName(path));
            if (File.Exists(target))
            {
                File.Delete(target);
            }
        }

        /// <summary>Files the test hook writes are 0600 on Unix: they hold what the run hands a provider (a state folder, a message).</summary>
        private static void PrivateUnderTestHook(string path)
        {
            if (TestFolder != null && !Platform.IsWindows)
            {
                UnixFiles.MakeOwnerOnly(path);
            }
        }

        /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> (each one argument, quoted as data) and waits; a non-zero exit fails unless <paramref name="mayFail"/>.</summary>
        internal static void Run(string program, IList<string> arguments, bool mayFail = false)
        {
            if (TestFolder != null)
            {
                var line = new List<object?> { program };
                foreach (string argument in arguments)
                {
                    line.Add(argument);
                }

                string commands = Path.Combine(TestFolder, "commands.jsonl");
                File.AppendAllText(commands, JsonCodec.Serialize(line) + "\n");
                PrivateUnderTestHook(commands);
                return;
            }

            var start = new ProcessStartInfo(program, CommandLineQuoting.Join(arguments)) { UseShellExecute = false, CreateNoWindow = true };
            using (Process process = Process.Start(start)!)
            {
                process.WaitForExit();
                if (process.ExitCode != 0 && !mayFail)
                {
                    throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}; the computer was not restarted (the state is saved: resume the run with Resume-TsSequence / tsseq resume).");
                }
            }
        }
    }
}
