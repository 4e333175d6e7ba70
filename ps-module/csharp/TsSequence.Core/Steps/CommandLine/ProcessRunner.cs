using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using TsSequence.Engine;
using TsSequence.Engine.Log;

namespace TsSequence
{
    /// <summary>What <c>ProcessRunner.Run</c> saw of one process.</summary>
    public sealed class ProcessRunResult
    {
        internal ProcessRunResult(bool started, string startError, int? exitCode, bool timedOut, string outputTail, long outputLength)
        {
            Started = started;
            StartError = startError;
            ExitCode = exitCode;
            TimedOut = timedOut;
            OutputTail = outputTail;
            OutputLength = outputLength;
        }

        /// <summary>The exit code; null when the process did not start or was killed at the timeout.</summary>
        public int? ExitCode { get; }

        /// <summary>True when the timeout expired and the process tree was killed.</summary>
        public bool TimedOut { get; }

        /// <summary>The last characters of stdout and stderr together, in arrival order ("" when none).</summary>
        public string OutputTail { get; }

        /// <summary>How many characters stdout and stderr carried in all (the tail's source length).</summary>
        public long OutputLength { get; }

        /// <summary>False when the process could not be started; <see cref="StartError"/> says why.</summary>
        public bool Started { get; }

        /// <summary>Why the process could not be started (the system's message); "" when it started.</summary>
        public string StartError { get; }
    }

    /// <summary>
    /// Runs a process the way task-sequence steps need it: no window, stdin closed at once, stdout
    /// and stderr read together into one bounded tail (memory stays within
    /// <c>keepCharacters</c> whatever the command prints), a timeout that kills the whole process
    /// tree, and a bounded wait for the output after the process ends so a grandchild that keeps
    /// the pipe open neither loses the output nor blocks the step. Never runs PowerShell script
    /// blocks on its threads, so PowerShell callers are safe.
    /// </summary>
    public static class ProcessRunner
    {
        private const int ChunkCharacters = 4096;

        // How often the waiting thread passes a step's output lines on while the process runs.
        private const int PumpMilliseconds = 100;

        // How long to wait for a killed process to be gone before reading what it left.
        private const int KillWaitMilliseconds = 10000;

        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        // Process.Kill(bool entireProcessTree) exists on .NET Core 3.0+ only; this assembly is
        // netstandard2.0 so it also loads on .NET Framework, which has only Kill().
        private static readonly MethodInfo? KillTreeMethod =
            typeof(Process).GetMethod("Kill", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(bool) }, null);

        /// <summary>
        /// Starts <paramref name="startInfo"/> (the caller sets FileName, Arguments or ArgumentList,
        /// WorkingDirectory, environment), waits for it and returns its exit code and output tail.
        /// The runner sets UseShellExecute=false and CreateNoWindow, redirects stdin (closed at
        /// once, so a program reading it gets end-of-file), stdout and stderr, and decodes the
        /// output as UTF-8 unless the caller chose encodings.
        /// </summary>
        /// <param name="startInfo">What to start; changed as described above.</param>
        /// <param name="timeoutMilliseconds">How long the process may run; -1 (any negative) for no
        /// limit. When it expires the whole process tree is killed, TimedOut is true and ExitCode null.</param>
        /// <param name="keepCharacters">How many of the last output characters to keep.</param>
        /// <param name="drainMilliseconds">After the process exits (or is killed), how long to wait
        /// at most for stdout and stderr to reach end-of-file; -1 (any negative) for no limit.</param>
        /// <returns>The result; a process that cannot be started gives Started=false and StartError
        /// rather than an exception.</returns>
        public static ProcessRunResult Run(ProcessStartInfo startInfo, int timeoutMilliseconds, int keepCharacters, int drainMilliseconds)
        {
            if (startInfo is null)
            {
                throw new ArgumentNullException(nameof(startInfo));
            }

            if (keepCharacters < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(keepCharacters), keepCharacters, "keepCharacters must be 0 or more.");
            }

            return RunCore(startInfo, timeoutMilliseconds, keepCharacters, drainMilliseconds, killTree: true, null);
        }

        /// <summary>
        /// As <see cref="Run(ProcessStartInfo, int, int, int)"/>, and every piece of stdout and
        /// stderr also goes to <paramref name="lines"/> as it is read (on the reader threads); the
        /// calling thread pumps it while it waits, so its lines are shown as they come.
        /// </summary>
        public static ProcessRunResult Run(ProcessStartInfo startInfo, int timeoutMilliseconds, int keepCharacters, int drainMilliseconds, StepOutput? lines)
        {
            if (startInfo is null)
            {
                throw new ArgumentNullException(nameof(startInfo));
            }

            if (keepCharacters < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(keepCharacters), keepCharacters, "keepCharacters must be 0 or more.");
            }

            return RunCore(startInfo, timeoutMilliseconds, keepCharacters, drainMilliseconds, killTree: true, lines);
        }

        private static ProcessRunResult RunCore(ProcessStartInfo startInfo, int timeoutMilliseconds, int keepCharacters, int drainMilliseconds, bool killTree, StepOutput? lines)
        {
            startInfo.UseShellExecute = false;
            startInfo.CreateNoWindow = true;
            startInfo.RedirectStandardInput = true;
            startInfo.RedirectStandardOutput = true;
            startInfo.RedirectStandardError = true;
            if (startInfo.StandardOutputEncoding is null)
            {
                startInfo.StandardOutputEncoding = Utf8;
            }

            if (startInfo.StandardErrorEncoding is null)
            {
                startInfo.StandardErrorEncoding = Utf8;
            }

            var process = new Process { StartInfo = startInfo };
            try
            {
                try
                {
                    if (!process.Start())
                    {
                        return NotStarted("The process was not started.");
                    }
                }
                catch (Exception e)
                {
                    // Win32Exception (no such program, bad working directory, access denied),
                    // InvalidOperationException (no FileName), …: the message is the system's.
                    return NotStarted(e.Message);
                }

                var output = new TailBuffer(keepCharacters);
                bool exited = false;
                try
                {
                    Thread stdout = StartReader(process.StandardOutput, output, lines, "stdout");
                    Thread stderr = StartReader(process.StandardError, output, lines, "stderr");
                    CloseQuietly(process.StandardInput);

                    exited = WaitForExit(process, timeoutMilliseconds, lines);
                    bool timedOut = !exited;
                    if (timedOut)
                    {
                        Kill(process, killTree);
                        exited = process.WaitForExit(KillWaitMilliseconds);
                    }

                    int? exitCode = timedOut ? (int?)null : process.ExitCode;

                    // The process is gone; its pipes reach end-of-file unless something it started
                    // still holds them. Wait for that only so long, then keep what arrived: the
                    // readers are background threads that end (and dispose their stream) at
                    // end-of-file, and write nothing anyone reads once the buffer is closed.
                    var drain = Stopwatch.StartNew();
                    foreach (Thread reader in new[] { stdout, stderr })
                    {
                        while (true)
                        {
                            int left = drainMilliseconds < 0 ? PumpMilliseconds : (int)Math.Min(PumpMilliseconds, Math.Max(0, drainMilliseconds - drain.ElapsedMilliseconds));
                            if (reader.Join(left) || (drainMilliseconds >= 0 && drain.ElapsedMilliseconds >= drainMilliseconds))
                            {
                                break;
                            }

                            lines?.Pump();
                        }
                    }

                    output.Close(out string tail, out long length);
                    return new ProcessRunResult(true, string.Empty, exitCode, timedOut, tail, length);
                }
                finally
                {
                    if (!exited)
                    {
                        // Leaving early (an exception) or a process that would not die: do not
                        // leave it running behind the caller's back.
                        Kill(process, killTree);
                    }

                    output.Close(out _, out _);
                }
            }
            finally
            {
                process.Dispose();
            }
        }

        private static ProcessRunResult NotStarted(string error) =>
            new ProcessRunResult(false, error, null, false, string.Empty, 0);

        // Waits for the process (timeout -1: no limit), pumping the output's lines when someone shows them.
        private static bool WaitForExit(Process process, int timeoutMilliseconds, StepOutput? lines)
        {
            // A run that can be cancelled (the bridge) waits in slices, so a cancel ends it as the timeout does.
            CancellationToken cancel = RunCancellation.Current;
            if ((lines == null || !lines.NeedsPump) && !cancel.CanBeCanceled)
            {
                return process.WaitForExit(timeoutMilliseconds < 0 ? -1 : timeoutMilliseconds);
            }

            var clock = Stopwatch.StartNew();
            while (true)
            {
                int slice = PumpMilliseconds;
                if (timeoutMilliseconds >= 0)
                {
                    slice = (int)Math.Max(0, Math.Min(slice, timeoutMilliseconds - clock.ElapsedMilliseconds));
                }

                if (process.WaitForExit(slice))
                {
                    return true;
                }

                lines?.Pump();
                if (cancel.IsCancellationRequested || (timeoutMilliseconds >= 0 && clock.ElapsedMilliseconds >= timeoutMilliseconds))
                {
                    return false;
                }
            }
        }

        private static Thread StartReader(StreamReader reader, TailBuffer output, StepOutput? lines, string stream)
        {
            var thread = new Thread(() => ReadToEnd(reader, output, lines, stream), 256 * 1024)
            {
                IsBackground = true,
                Name = "tsseq " + stream + " reader",
            };
            thread.Start();
            return thread;
        }

        // Reads one stream to end-of-file in chunks. A high surrogate at the end of a chunk waits
        // for its low half so the other stream's text never lands between the two.
        private static void ReadToEnd(StreamReader reader, TailBuffer output, StepOutput? lines, string stream)
        {
            var chunk = new char[ChunkCharacters + 1];
            int held = 0;
            try
            {
                while (true)
                {
                    int read = reader.Read(chunk, held, ChunkCharacters);
                    if (read == 0)
                    {
                        break;
                    }

                    int count = held + read;
                    held = 0;
                    if (char.IsHighSurrogate(chunk[count - 1]))
                    {
                        count--;
                        held = 1;
                    }

                    output.Append(chunk, count);
                    lines?.Text(stream, chunk, count);
                    if (held == 1)
                    {
                        chunk[0] = chunk[count];
                    }
                }

                if (held == 1)
                {
                    output.Append(chunk, 1);
                    lines?.Text(stream, chunk, 1);
                }
            }
            catch (Exception)
            {
                // The pipe broke or was closed under us: nothing more to read. A background
                // thread must never let an exception escape (it would end the process).
            }
            finally
            {
                try
                {
                    reader.Dispose();
                }
                catch (Exception)
                {
                    // Closing a broken pipe may throw; the handle is released anyway.
                }
            }
        }

        private static void CloseQuietly(StreamWriter input)
        {
            try
            {
                input.Close();
            }
            catch (Exception)
            {
                // The process may already have exited and closed its end.
            }
        }

        // Best effort: the process (and with killTree its descendants) is gone or cannot be killed.
        private static void Kill(Process process, bool killTree)
        {
            if (killTree && KillTreeMethod != null)
            {
                try
                {
                    KillTreeMethod.Invoke(process, new object[] { true });
                    return;
                }
                catch (Exception)
                {
                    // Already exited, or part of the tree could not be killed: Kill() below.
                }
            }
            else if (killTree && Environment.OSVersion.Platform == PlatformID.Win32NT)
            {
                // .NET Framework: taskkill knows the Windows process tree.
                try
                {
                    var taskkill = new ProcessStartInfo(TaskkillPath(), "/T /F /PID " + process.Id);
                    RunCore(taskkill, KillWaitMilliseconds, 0, 1000, killTree: false, null);
                }
                catch (Exception)
                {
                    // No taskkill, or the process already exited: Kill() below.
                }
            }

            try
            {
                process.Kill();
            }
            catch (Exception)
            {
                // Already exited, or not ours to kill.
            }
        }

        private static string TaskkillPath()
        {
            string system = Environment.SystemDirectory;
            return string.IsNullOrEmpty(system) ? "taskkill.exe" : Path.Combine(system, "taskkill.exe");
        }

        /// <summary>
        /// The last <c>capacity</c> characters of everything appended (a ring), plus the total
        /// count. Thread-safe. Once closed it drops further appends, so a reader abandoned after
        /// the drain time changes nothing and its memory goes with the ring.
        /// </summary>
        private sealed class TailBuffer
        {
            private readonly object _sync = new object();
            private char[]? _ring;
            private int _start;
            private int _count;
            private long _total;
            private bool _closed;
            private string _tail = string.Empty;

            public TailBuffer(int capacity)
            {
                _ring = new char[capacity];
            }

            public void Append(char[] chars, int count)
            {
                lock (_sync)
                {
                    if (_closed || _ring is null)
                    {
                        return;
                    }

                    _total += count;
                    int capacity = _ring.Length;
                    if (capacity == 0 || count == 0)
                    {
                        return;
                    }

                    int offset = 0;
                    if (count >= capacity)
                    {
                        offset = count - capacity;
                        count = capacity;
                        _start = 0;
                        _count = 0;
                    }

                    int write = (_start + _count) % capacity;
                    int first = Math.Min(count, capacity - write);
                    Array.Copy(chars, offset, _ring, write, first);
                    Array.Copy(chars, offset + first, _ring, 0, count - first);
                    int newCount = _count + count;
                    if (newCount > capacity)
                    {
                        _start = (_start + newCount - capacity) % capacity;
                        _count = capacity;
                    }
                    else
                    {
                        _count = newCount;
                    }
                }
            }

            // Freezes the buffer (first call wins) and returns the tail and the total length.
            public void Close(out string tail, out long total)
            {
                lock (_sync)
                {
                    if (!_closed)
                    {
                        _closed = true;
                        _tail = Snapshot();
                        _ring = null;
                    }

                    tail = _tail;
                    total = _total;
                }
            }

            private string Snapshot()
            {
                if (_ring is null || _count == 0)
                {
                    return string.Empty;
                }

                var text = new StringBuilder(_count);
                int first = Math.Min(_count, _ring.Length - _start);
                text.Append(_ring, _start, first);
                text.Append(_ring, 0, _count - first);

                // A cut through a surrogate pair leaves half a character: drop it.
                if (_total > _count && char.IsLowSurrogate(text[0]))
                {
                    text.Remove(0, 1);
                }

                return text.ToString();
            }
        }
    }
}
