using System.Threading;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// How many scripts this process has abandoned (they did not stop when asked: a native call,
    /// a busy loop inside .NET code). The bridge server compares the count around a cancelled
    /// request: a script of it left running means the stop did not happen, and Node replaces the
    /// engine rather than leave that script running in it.
    /// </summary>
    public static class AbandonedScripts
    {
        private static int count;

        /// <summary>Scripts abandoned so far.</summary>
        public static int Count => Volatile.Read(ref count);

        internal static void Add() => Interlocked.Increment(ref count);
    }
}
