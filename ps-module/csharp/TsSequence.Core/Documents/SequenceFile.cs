using System;
using System.IO;
using System.Management.Automation;
using System.Text.RegularExpressions;
using TsSequence.Engine;
using TsSequence.Json;

namespace TsSequence.Documents
{
    /// <summary>Reads a sequence document (JSON); a missing or malformed file fails naming the file and, when known, line and column.</summary>
    public static class SequenceFile
    {
        /// <summary>The most a sequence file may hold, as the Node side reads it (src/bridge/documentFile.ts).</summary>
        public const int MaxBytes = 16 * 1024 * 1024;

        private static readonly System.Text.UTF8Encoding StrictUtf8 = new System.Text.UTF8Encoding(false, true);

        // System.Text.Json appends "Path: $.x | LineNumber: 0 | BytePositionInLine: 5." to its message: said once, as people count.
        private static readonly Regex PositionSuffix = new Regex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?$", RegexOptions.CultureInvariant);

        /// <summary>The parsed document (plain data, see <see cref="PlainData"/>).</summary>
        public static object? Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new EngineException("SequenceFileNotFound", ErrorCategory.ObjectNotFound, $"The sequence file '{path}' does not exist.", path);
            }

            string text = ReadText(path);
            try
            {
                return JsonCodec.Parse(text);
            }
#if !NETFRAMEWORK
            catch (System.Text.Json.JsonException exception) when (exception.Path != null && exception.Message.IndexOf("surrogate", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // A "\ud800" escape: said as the validators say it (Documents/DocumentLimits.cs).
                throw new EngineException("SequenceFileNotJson", ErrorCategory.ParserError, $"{path}: {exception.Path}: is not well-formed Unicode (it has a lone surrogate)", path, exception);
            }
            catch (System.Text.Json.JsonException exception) when (exception.LineNumber != null)
            {
                string reason = PositionSuffix.Replace(exception.Message, string.Empty).Trim();
                string where = $":{exception.LineNumber + 1}:{exception.BytePositionInLine + 1}";
                throw new EngineException("SequenceFileNotJson", ErrorCategory.ParserError, $"{path}{where}: not valid JSON: {reason}", path, exception);
            }
#endif
            catch (Exception exception)
            {
                throw new EngineException("SequenceFileNotJson", ErrorCategory.ParserError, $"{path}: not valid JSON: {exception.Message}", path, exception);
            }
        }

        /// <summary>
        /// The file's text: a regular file (a FIFO would block the read for ever, /dev/zero never
        /// ends), at most <see cref="MaxBytes"/>, strict UTF-8 (a BOM is dropped). A resume reads
        /// the source file again to see whether it changed, so these limits hold there too.
        /// </summary>
        private static string ReadText(string path)
        {
            string? kind = UnixFiles.NonRegularKind(path);
            if (kind != null)
            {
                throw new EngineException("SequenceFileRefused", ErrorCategory.InvalidData, $"{path}: cannot read: it is {kind}; a sequence file must be a regular file", path);
            }

            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > MaxBytes)
                    {
                        throw new EngineException("SequenceFileRefused", ErrorCategory.InvalidData, $"{path}: refused: the sequence file is larger than {MaxBytes / (1024 * 1024)} MiB ({MaxBytes} bytes), the most tsseq reads", path);
                    }
                }

                byte[] bytes = buffer.ToArray();
                int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                try
                {
                    return StrictUtf8.GetString(bytes, start, bytes.Length - start);
                }
                catch (System.Text.DecoderFallbackException exception)
                {
                    throw new EngineException("SequenceFileRefused", ErrorCategory.InvalidData, $"{path}: is not valid UTF-8 (at byte offset {start + exception.Index}); save the file as UTF-8", path, exception);
                }
            }
        }
    }
}
