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
        // System.Text.Json appends "Path: $.x | LineNumber: 0 | BytePositionInLine: 5." to its message: said once, as people count.
        private static readonly Regex PositionSuffix = new Regex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?$", RegexOptions.CultureInvariant);

        /// <summary>The parsed document (plain data, see <see cref="PlainData"/>).</summary>
        public static object? Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new EngineException("SequenceFileNotFound", ErrorCategory.ObjectNotFound, $"The sequence file '{path}' does not exist.", path);
            }

            string text = File.ReadAllText(path);
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
    }
}
