using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using TsSequence.Json;

namespace TsSequence.Engine.State
{
    /// <summary>
    /// The run's result entries on disk, appended once each (results.jsonl: one
    /// {"i":index,"e":entry} per line) instead of rewritten with state.json before every step,
    /// so saving stays the same cost at step 100,000 as at step 1. An entry goes in when it is
    /// settled: at once for a skipped or finished step, when it ends for a group (an open group's
    /// entry still changes, so state.json carries it). state.json names the journal's valid
    /// length: bytes past it (a line torn by a crash, entries of a save that never completed) are
    /// ignored when the run is read back and cut off when it continues.
    /// </summary>
    internal sealed class ResultJournal : IDisposable
    {
        private readonly string path;
        private readonly List<int> waiting = new List<int>();
        private readonly AsciiBuffer line = new AsciiBuffer(1 << 10);
        private FileStream? stream;
        private int seen;

        private ResultJournal(string path, long length, int seen, IEnumerable<int> waiting)
        {
            this.path = path;
            Length = length;
            this.seen = seen;
            this.waiting.AddRange(waiting);
        }

        /// <summary>The valid bytes so far: what state.json records.</summary>
        internal long Length { get; private set; }

        /// <summary>A new, empty journal for a run that starts now.</summary>
        internal static ResultJournal Begin(string folder)
        {
            string path = StateFiles.Results(folder);
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            return new ResultJournal(path, 0, 0, new int[0]);
        }

        /// <summary>The journal of a resumed run: <paramref name="count"/> entries read back, the open groups' among them still to come.</summary>
        internal static ResultJournal Continue(string folder, long length, int count, IEnumerable<int> open) =>
            new ResultJournal(StateFiles.Results(folder), length, count, open);

        /// <summary>
        /// Appends the entries settled since the last call; <paramref name="isOpen"/> says which
        /// are open groups. <paramref name="durable"/>: fsync, before state.json names the new length.
        /// </summary>
        internal void Append(List<ResultEntry> results, Func<int, bool> isOpen, bool durable)
        {
            for (int w = waiting.Count - 1; w >= 0; w--)
            {
                if (!isOpen(waiting[w]))
                {
                    Write(waiting[w], results[waiting[w]]);
                    waiting.RemoveAt(w);
                }
            }

            for (; seen < results.Count; seen++)
            {
                if (isOpen(seen))
                {
                    waiting.Add(seen);
                }
                else
                {
                    Write(seen, results[seen]);
                }
            }

            if (stream != null)
            {
                stream.Flush(durable);
            }
        }

        /// <summary>The entries of a saved run: <paramref name="length"/> bytes of the journal, placed by index into <paramref name="results"/>.</summary>
        internal static void Read(string folder, long length, ResultEntry?[] results, Func<IDictionary, ResultEntry> entry)
        {
            string path = StateFiles.Results(folder);
            if (length == 0)
            {
                return;
            }

            byte[] bytes;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (file.Length < length)
                {
                    throw new InvalidDataException($"{path} holds {file.Length} bytes, fewer than the {length} the state names");
                }

                bytes = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int got = file.Read(bytes, read, (int)length - read);
                    if (got == 0)
                    {
                        throw new EndOfStreamException(path);
                    }

                    read += got;
                }
            }

            int start = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != (byte)'\n')
                {
                    continue;
                }

                var record = JsonCodec.Parse(bytes, start, i - start) as IDictionary ?? throw new InvalidDataException($"{path}: a line is not a JSON object");
                int index = record["i"] is int number && number >= 0 && number < results.Length ? number : throw new InvalidDataException($"{path}: an entry index is out of range");
                results[index] = entry((IDictionary)record["e"]!);
                start = i + 1;
            }
        }

        /// <inheritdoc/>
        public void Dispose() => stream?.Dispose();

        private void Write(int index, ResultEntry entry)
        {
            if (stream == null)
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 1 << 16);
                if (!Platform.IsWindows)
                {
                    UnixFiles.MakeOwnerOnly(path);
                }

                // What lies past the valid length belongs to a save that never completed.
                stream.SetLength(Length);
                stream.Seek(Length, SeekOrigin.Begin);
            }

            line.Clear();
            line.Append("{\"i\":");
            line.Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            line.Append(",\"e\":");
            JsonCodec.Serialize(line, entry.ToDictionary());
            line.Append("}\n");
            line.WriteTo(stream);
            Length += line.Length;
        }
    }
}
