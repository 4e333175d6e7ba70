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
    /// whatever steps print cannot corrupt it), UTF-8, one JSON object per line.
    /// </summary>
    internal sealed class BridgeChannel : IDisposable
    {
        private const int BufferSize = 65536;
        private readonly NamedPipeClientStream pipe;
        private readonly StreamReader reader;
        private readonly StreamWriter writer;

        private BridgeChannel(NamedPipeClientStream pipe)
        {
            this.pipe = pipe;
            var utf8 = new UTF8Encoding(false);
            reader = new StreamReader(pipe, utf8, false, BufferSize);
            writer = new StreamWriter(pipe, utf8, BufferSize) { NewLine = "\n" };
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

        /// <summary>The next line, or null when Node closed the channel.</summary>
        internal string? ReadLine() => reader.ReadLine();

        /// <summary>
        /// Sends one message. It is serialized whole before anything is written, so a value that
        /// cannot be written as JSON throws here and leaves the channel intact.
        /// </summary>
        internal void Send(IDictionary message)
        {
            string line = JsonCodec.Serialize(message);
            writer.Write(line);
            writer.Write('\n');
            writer.Flush();
        }

        public void Dispose()
        {
            writer.Dispose();
            reader.Dispose();
            pipe.Dispose();
        }
    }
}
