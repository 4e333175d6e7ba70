using System;
using System.Collections;
using System.Collections.Generic;
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

        // While a long line arrives, each new read buffer is as large as what it holds so far, up to this.
        private const int MaxReadBuffer = 1 << 20;

        private readonly NamedPipeClientStream pipe;
        private byte[] input = new byte[BufferSize];
        private int inputStart;
        private int inputEnd;
        private readonly AsciiBuffer output = new AsciiBuffer(BufferSize);

        /// <summary>
        /// The largest message sent, in bytes (Node's `maxMessageBytes`, default 256 MiB): a larger
        /// one throws <see cref="MessageTooLargeException"/> and fails its request, never the
        /// channel (Node reads a line as one string, which V8 caps at about 512 M characters).
        /// </summary>
        internal int MaxMessageBytes { get; set; } = 256 * 1024 * 1024;

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
        /// channel. The bytes are valid until the next call. A line that fits in the read buffer is
        /// handed over in place; a longer one is read into buffers that are kept as they fill and
        /// parsed across them: its bytes are never copied.
        /// </summary>
        internal ChannelLine? ReadLine()
        {
            List<ArraySegment<byte>>? pieces = null;
            int pending = 0;
            int scanFrom = inputStart;
            while (true)
            {
                int newline = Array.IndexOf(input, (byte)'\n', scanFrom, inputEnd - scanFrom);
                if (newline >= 0)
                {
                    var last = new ArraySegment<byte>(input, inputStart, newline - inputStart);
                    inputStart = newline + 1;
                    return Complete(pieces, last);
                }

                if (inputStart == inputEnd && pieces == null)
                {
                    inputStart = inputEnd = 0; // nothing pending: read from the buffer's start
                }
                else if (inputEnd == input.Length)
                {
                    // Full, and the line goes on: this buffer now belongs to the line.
                    pieces ??= new List<ArraySegment<byte>>();
                    pieces.Add(new ArraySegment<byte>(input, inputStart, inputEnd - inputStart));
                    pending += inputEnd - inputStart;
                    input = new byte[Math.Min(MaxReadBuffer, Math.Max(BufferSize, pending))]; // doubling what is held
                    inputStart = inputEnd = 0;
                }

                int read = pipe.Read(input, inputEnd, input.Length - inputEnd);
                if (read == 0)
                {
                    // End of input: a last line without its newline still counts, as StreamReader has it.
                    var last = new ArraySegment<byte>(input, inputStart, inputEnd - inputStart);
                    inputStart = inputEnd;
                    return pieces != null || last.Count > 0 ? Complete(pieces, last) : (ChannelLine?)null;
                }

                scanFrom = inputEnd;
                inputEnd += read;
            }
        }

        /// <summary>
        /// Sends one message. It is serialized whole before anything is written, so a value that
        /// cannot be written as JSON throws here and leaves the channel intact.
        /// </summary>
        internal void Send(IDictionary message)
        {
            // Events of the request's thread and callbacks of its scripts' threads share the buffer.
            lock (output)
            {
                SendLocked(message);
            }
        }

        private void SendLocked(IDictionary message)
        {
            try
            {
                // The limit counts the bytes written (ASCII: non-ASCII characters are 6-byte
                // escapes), the newline included; the writer stops within a chunk of it, and the
                // error states the message limit itself, not the text's share of it.
                output.Limit = MaxMessageBytes - 1;
                try
                {
                    JsonCodec.Serialize(output, message);
                }
                catch (MessageTooLargeException)
                {
                    throw new MessageTooLargeException(MaxMessageBytes);
                }

                if (output.Length > MaxMessageBytes - 1)
                {
                    throw new MessageTooLargeException(MaxMessageBytes);
                }

                output.Append('\n');
                output.WriteTo(pipe);
                pipe.Flush();
            }
            finally
            {
                output.Clear(); // also lets the chunks of a large message go
            }
        }

        public void Dispose()
        {
            pipe.Dispose();
        }

        private ChannelLine Complete(List<ArraySegment<byte>>? pieces, ArraySegment<byte> last)
        {
            if (pieces == null)
            {
                return new ChannelLine(new[] { WithoutReturn(last) });
            }

            if (input.Length > BufferSize && inputStart == inputEnd)
            {
                input = new byte[BufferSize]; // back to the floor once the long line is read
                inputStart = inputEnd = 0;
            }

            if (last.Count == 0)
            {
                last = pieces[pieces.Count - 1]; // the newline began a buffer: a \r may end the piece before
                pieces.RemoveAt(pieces.Count - 1);
            }

            pieces.Add(WithoutReturn(last));
            return new ChannelLine(pieces);
        }

        private static ArraySegment<byte> WithoutReturn(ArraySegment<byte> piece) =>
            piece.Count > 0 && piece.Array![piece.Offset + piece.Count - 1] == (byte)'\r' ? new ArraySegment<byte>(piece.Array, piece.Offset, piece.Count - 1) : piece;
    }

    /// <summary>One line of the channel: UTF-8 bytes in the buffers it was read into, parsed in place.</summary>
    internal readonly struct ChannelLine
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        private readonly IReadOnlyList<ArraySegment<byte>> pieces;

        internal ChannelLine(IReadOnlyList<ArraySegment<byte>> pieces)
        {
            this.pieces = pieces;
            int length = 0;
            foreach (ArraySegment<byte> piece in pieces)
            {
                length += piece.Count;
            }

            Length = length;
        }

        internal int Length { get; }

        /// <summary>The JSON value of the line.</summary>
        internal object? Parse() => JsonCodec.Parse(pieces);

        /// <summary>The line as text (for an error message about it).</summary>
        public override string ToString()
        {
            var bytes = new byte[Length];
            int at = 0;
            foreach (ArraySegment<byte> piece in pieces)
            {
                Buffer.BlockCopy(piece.Array!, piece.Offset, bytes, at, piece.Count);
                at += piece.Count;
            }

            return Utf8.GetString(bytes);
        }
    }
}
