using System;
using System.IO;
using System.Text;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// An inline script written to a new file in a new folder only this account can write to
    /// (as ConfigMgr writes inline scripts to a file, so `exit N` behaves as in a script file). A
    /// shared, predictable folder in the temp directory would let another local user swap the
    /// script between writing and running it (and run code as the engine's account): the folder
    /// has a random name, is created fresh (0700 on Unix) and the file must not exist yet.
    /// Disposing deletes the folder.
    /// </summary>
    internal sealed class PrivateScriptFile : IDisposable
    {
        private PrivateScriptFile(string folder, string file)
        {
            Folder = folder;
            File = file;
        }

        internal string Folder { get; }

        internal string File { get; }

        private static readonly int ProcessId = System.Diagnostics.Process.GetCurrentProcess().Id;

        internal static PrivateScriptFile Write(string source)
        {
            // The engine's pid in the name lets the next engine remove what a killed one left (src/bridge/staleTemp.ts).
            string folder = Path.Combine(Path.GetTempPath(), $"tsseq-script-{ProcessId}-{Guid.NewGuid():N}");
            if (Directory.Exists(folder))
            {
                throw new IOException($"The script folder '{folder}' already exists.");
            }

            PrivateDirectory.Create(folder);
            string file = Path.Combine(folder, "script.ps1");
            // UTF-8 with BOM: Windows PowerShell reads a BOM-less script as the ANSI code page.
            var encoding = new UTF8Encoding(true);
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                byte[] preamble = encoding.GetPreamble();
                byte[] bytes = encoding.GetBytes(source);
                stream.Write(preamble, 0, preamble.Length);
                stream.Write(bytes, 0, bytes.Length);
            }

            return new PrivateScriptFile(folder, file);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
                // A script that left a file open (Windows) keeps its folder; the temp folder is cleaned by the system.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
