using System;
using System.IO;
using System.Text;

namespace TsSequence.Protocol
{
    /// <summary>
    /// The session's two keys, which Node writes on the engine's standard input (a pipe only the
    /// two processes hold: not the command line or the environment, which other local users can
    /// read): the engine sends <see cref="Engine"/> in its ready message, Node answers with
    /// <see cref="Node"/> in its first line. A process that reached the socket some other way
    /// can neither pass for the engine nor drive it.
    /// </summary>
    internal sealed class BridgeKeys
    {
        private const int MaxLineBytes = 512;

        private BridgeKeys(string engine, string node)
        {
            Engine = engine;
            Node = node;
        }

        /// <summary>What the engine proves itself with.</summary>
        internal string Engine { get; }

        /// <summary>What Node proves itself with.</summary>
        internal string Node { get; }

        /// <summary>Reads the line "ENGINEKEY NODEKEY" from standard input; null (and why) when it is not there.</summary>
        internal static BridgeKeys? ReadStandardInput(out string problem)
        {
            problem = string.Empty;
            var line = new StringBuilder();
            using (Stream input = Console.OpenStandardInput())
            {
                var one = new byte[1];
                while (line.Length < MaxLineBytes && input.Read(one, 0, 1) == 1 && one[0] != (byte)'\n')
                {
                    line.Append((char)one[0]);
                }
            }

            string[] parts = line.ToString().Trim().Split(' ');
            if (parts.Length != 2 || parts[0].Length < 32 || parts[1].Length < 32)
            {
                problem = "no session keys on standard input (Start-TsBridge.ps1 is started by the Node bridge, which writes them there)";
                return null;
            }

            return new BridgeKeys(parts[0], parts[1]);
        }

        /// <summary>Compares in time independent of where the texts differ.</summary>
        internal static bool SameKey(string? given, string expected)
        {
            if (given == null || given.Length != expected.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                difference |= given[i] ^ expected[i];
            }

            return difference == 0;
        }
    }
}
