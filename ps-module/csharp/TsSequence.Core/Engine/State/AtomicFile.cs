using System.IO;
using TsSequence.Json;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// Replaces a file so that a reader (or a resume after a crash) sees the old or the new
    /// content, never a torn one: the bytes go to a temporary file beside it (0600), which is
    /// renamed over the file. <c>durable</c> also fsyncs the file before the rename and the folder
    /// after it, so the new content survives a power loss; without it a power loss may bring back
    /// the previous version (still whole).
    /// </summary>
    internal static class AtomicFile
    {
        internal static void Write(string path, AsciiBuffer content, bool durable)
        {
            string temp = path + ".tmp";
            using (FileStream stream = OpenTemp(temp))
            {
                if (!Platform.IsWindows)
                {
                    UnixFiles.MakeOwnerOnly(temp);
                }

                content.WriteTo(stream);
                stream.Flush(durable);
            }

            if (File.Exists(path))
            {
                // rename(2) on Unix, ReplaceFile on Windows: the name points at one whole file at every moment.
                File.Replace(temp, path, null);
            }
            else
            {
                File.Move(temp, path);
            }

            if (durable && !Platform.IsWindows)
            {
                UnixFiles.SyncFolder(Path.GetDirectoryName(path)!);
            }
        }

        private static FileStream OpenTemp(string temp)
        {
            try
            {
                return new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            }
            catch (IOException) when (!Platform.IsWindows && File.Exists(temp))
            {
                // A killed run's process (a child forked while the file was open) may still hold
                // the lock of a left-over temporary file: it is garbage, so a new one replaces it.
                File.Delete(temp);
                return new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            }
        }
    }
}
