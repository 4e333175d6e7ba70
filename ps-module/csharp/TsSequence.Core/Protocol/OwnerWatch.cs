using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace TsSequence.Protocol
{
    /// <summary>
    /// Makes the engine die with its owner. Node's end of the socket closing is the usual sign; a
    /// parent that ended while the socket stays open (or before the engine connected) is noticed by
    /// polling the parent pid every 250 ms (Unix: an orphan is re-parented, to init or a subreaper).
    /// When the engine leads its own process group (Node starts it so), leaving kills that group:
    /// commands its steps started, including ones sent to the background, go with it.
    /// </summary>
    internal static class OwnerWatch
    {
        private const int PollMilliseconds = 250;

        /// <summary>Calls <paramref name="gone"/> once when the parent process is gone (Unix; nothing elsewhere).</summary>
        internal static void WatchParent(Action<string> gone)
        {
            if (Platform.IsWindows)
            {
                return;
            }

            int parent;
            try
            {
                parent = getppid();
            }
            catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
            {
                return;
            }

            if (parent <= 1)
            {
                return; // started by init itself: nobody to outlive
            }

            var thread = new Thread(() =>
            {
                while (getppid() == parent)
                {
                    Thread.Sleep(PollMilliseconds);
                }

                gone($"the process that started the engine (pid {parent}) ended");
            })
            {
                IsBackground = true,
                Name = "tsseq owner watch",
            };
            thread.Start();
        }

        /// <summary>Ends this process now: with its process group when it leads one (Unix), else alone.</summary>
        internal static void EndProcess(int exitCode)
        {
            if (!Platform.IsWindows)
            {
                try
                {
                    if (getpgrp() == getpid())
                    {
                        kill(0, SigKill); // the whole group, this process included
                    }
                }
                catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
                {
                }
            }

            Environment.Exit(exitCode);
        }

        private const int SigKill = 9;

        [DllImport("libc")]
        private static extern int getppid();

        [DllImport("libc")]
        private static extern int getpid();

        [DllImport("libc")]
        private static extern int getpgrp();

        [DllImport("libc")]
        private static extern int kill(int pid, int signal);
    }
}
