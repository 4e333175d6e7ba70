using System;
using System.Collections;
using System.IO;
using System.IO.Pipes;
using System.Text;
using TsSequence.Json;

namespace TsSequence.Protocol
{
    /// <summary>
    /// The line channel to Node: the named pipe / unix socket Node listens on (never stdout, so
    /// whatever steps print cannot corrupt it), UTF-8, one JSON object per line. Lines stay bytes:
    /// a request is parsed straight from them and a response written straight into them (the
    /// writer emits ASCII), so a 10 MB message is never turned into a string and encoded again.
    /// </summary>
    internal sealed class BridgeChannel : IDisposable
    {
        private const int BufferSize = 65536;

        // Buffers that grew for one large message are not kept: memory returns to its floor.
        private const int KeepAtMost = 1 << 20;

        private readonly NamedPipeClientStream pipe;
        private readonly byte[] input = new byte[BufferSize];
        private int inputStart;
        private int inputEnd;
        private byte[] line = new byte[BufferSize];
        private AsciiBuffer output = new AsciiBuffer(BufferSize);

        private BridgeChannel(NamedPipeClientStream pipe)
        {
            this.pipe = pipe;
        }

        /// <summary>Connects to Node's pipe (on Unix .NET maps the name to a socket path).</summary>
        internal static BridgeChannel Connect(string pipeName, int timeoutMilliseconds)
        {
            var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut);
            try
            {
                pipe.Connect(timeoutMilliseconds);
                return new BridgeChannel(pipe);
            }
            catch
            {
                pipe.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The next line (without its \n, and a \r before it), or null when Node closed the
        /// channel. The bytes are valid until the next call.
        /// </summary>
        internal ChannelLine? ReadLine()
        {
            int length = 0;
            while (true)
            {
                int newline = Array.IndexOf(input, (byte)'\n', inputStart, inputEnd - inputStart);
                int end = newline < 0 ? inputEnd : newline;
                int count = end - inputStart;
                if (length + count > line.Length)
                {
                    Array.Resize(ref line, Math.Max(line.Length * 2, length + count));
                }

                Buffer.BlockCopy(input, inputStart, line, length, count);
                length += count;
                if (newline >= 0)
                {
                    inputStart = newline + 1;
                    return Complete(length);
                }

                inputStart = 0;
                inputEnd = pipe.Read(input, 0, input.Length);
                if (inputEnd == 0)
                {
                    // End of input: a last line without its newline still counts, as StreamReader has it.
                    return length > 0 ? Complete(length) : (ChannelLine?)null;
                }
            }
        }

        /// <summary>
        /// Sends one message. It is serialized whole before anything is written, so a value that
        /// cannot be written as JSON throws here and leaves the channel intact.
        /// </summary>
        internal void Send(IDictionary message)
        {
            output.Clear();
            try
            {
                JsonCodec.Serialize(output, message);
                output.Append('\n');
                output.WriteTo(pipe);
                pipe.Flush();
            }
            finally
            {
                if (output.Length > KeepAtMost)
                {
                    output = new AsciiBuffer(BufferSize);
                }
            }
        }

        public void Dispose()
        {
            pipe.Dispose();
        }

        private ChannelLine Complete(int length)
        {
            if (length > 0 && line[length - 1] == (byte)'\r')
            {
                length--;
            }

            var complete = new ChannelLine(line, length);
            if (line.Length > KeepAtMost)
            {
                // The caller reads this line before the next one: hand it the big buffer, keep a small one.
                line = new byte[BufferSize];
            }

            return complete;
        }
    }

    /// <summary>One line of the channel: UTF-8 bytes, parsed in place.</summary>
    internal readonly struct ChannelLine
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        internal ChannelLine(byte[] bytes, int length)
        {
            Bytes = bytes;
            Length = length;
        }

        internal byte[] Bytes { get; }

        internal int Length { get; }

        /// <summary>The JSON value of the line.</summary>
        internal object? Parse() => JsonCodec.Parse(Bytes, 0, Length);

        /// <summary>The line as text (for an error message about it).</summary>
        public override string ToString() => Utf8.GetString(Bytes, 0, Length);
    }
}
