using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// The step message for a script's errors: a headline, then every error with its line and
    /// position, in the order the script raised them. The terminating one (if any) is the
    /// headline; a script that could not be parsed lists each parse error. A command that does not
    /// exist is explained by <see cref="MissingCommandReasons"/> instead of PowerShell's generic
    /// "is not recognized" text and named in <see cref="MissingCommands"/> (such a script did not do
    /// its work, so the step fails). Past 50 errors the message says how many more there were;
    /// <see cref="Entries"/> holds the kept ones for the log, <see cref="Records"/> the same errors
    /// as structured records for the step result. Secret values are masked while each
    /// text is still as the script wrote it (re-indenting a multi-line secret would hide it from the mask).
    /// </summary>
    internal sealed class ScriptErrorReport
    {
        private const int Limit = 50;
        private const int MaxRecordLength = 4000;
        private static readonly Regex LineBreak = new Regex("\r?\n", RegexOptions.CultureInvariant);

        private ScriptErrorReport(string message, List<string> entries, List<string> missing, List<object> records, bool recordsTruncated)
        {
            Message = message;
            Entries = entries;
            MissingCommands = missing;
            Records = records;
            RecordsTruncated = recordsTruncated;
        }

        internal string Message { get; }

        internal List<string> Entries { get; }

        internal List<string> MissingCommands { get; }

        /// <summary>
        /// The errors as structured records (<see cref="ErrorRecords"/>), in the order they
        /// happened: parse errors, then the first 50 records of the error stream, then the
        /// terminating error.
        /// </summary>
        internal List<object> Records { get; }

        /// <summary>The script wrote more error records than <see cref="Records"/> keeps.</summary>
        internal bool RecordsTruncated { get; }

        internal static ScriptErrorReport Build(IList<ErrorRecord> errors, int moreErrors, Exception? terminating, string scriptPath, TsEnvironment environment)
        {
            var missing = new List<string>();
            var entries = new List<string>();
            var records = new List<object>();
            foreach (ErrorRecord record in errors)
            {
                Describe(record, scriptPath, missing, out string text, out string position);
                entries.Add(Format(text, position, environment));
                if (records.Count < Limit)
                {
                    records.Add(ErrorRecords.From(record, text, scriptPath, environment, false));
                }
            }

            bool recordsTruncated = errors.Count + moreErrors > records.Count;

            var lines = new List<string>();
            List<string> listed = entries;
            if (terminating is ParseException parse)
            {
                lines.Add("The script could not be parsed, so none of it ran:");
                listed = new List<string>();
                int at = 0;
                foreach (ParseError parseError in parse.Errors ?? new ParseError[0])
                {
                    listed.Add(Format(parseError.Message, $"line {parseError.Extent.StartLineNumber}, char {parseError.Extent.StartColumnNumber}", environment));
                    records.Insert(at++, ErrorRecords.From(parseError, environment));
                }

                listed.AddRange(entries);
            }
            else if (terminating != null)
            {
                string text = terminating.Message;
                string position = string.Empty;
                if (terminating is IContainsErrorRecord withRecord && withRecord.ErrorRecord != null)
                {
                    Describe(withRecord.ErrorRecord, scriptPath, missing, out text, out position);
                    records.Add(ErrorRecords.From(withRecord.ErrorRecord, text, scriptPath, environment, true));
                }
                else
                {
                    records.Add(ErrorRecords.From(new ErrorRecord(terminating, terminating.GetType().Name, ErrorCategory.NotSpecified, null), text, scriptPath, environment, true));
                }

                string where = position.Length > 0 ? " at " + position : string.Empty;
                lines.Add($"The script failed{where}: {Format(text, string.Empty, environment)}");
                if (entries.Count > 0)
                {
                    lines.Add("Errors reported before it:");
                }
            }
            else if (missing.Count > 0)
            {
                string verb = missing.Count > 1 ? "do" : "does";
                lines.Add($"The script failed: it called {string.Join(", ", missing)}, which {verb} not exist here. Its errors:");
            }
            else if (entries.Count > 0)
            {
                lines.Add($"The script completed but reported {entries.Count + moreErrors} error(s):");
            }

            int shown = Math.Min(listed.Count, Limit);
            for (int i = 0; i < shown; i++)
            {
                lines.Add(listed[i]);
            }

            int more = listed.Count + moreErrors - shown;
            if (more > 0)
            {
                lines.Add(moreErrors > 0
                    ? $"... and {more} more error(s); the log lists the first {BoundedRecords<ErrorRecord>.Limit}."
                    : $"... and {more} more error(s); the log lists every one.");
            }

            return new ScriptErrorReport(string.Join("\n", lines), entries, missing, records, recordsTruncated);
        }

        /// <summary>One error as it happens, for the log and output events: "At line 3, char 5: text" (not masked yet).</summary>
        internal static string Live(ErrorRecord record, string scriptPath)
        {
            string text = Shorten(record.ToString());
            string position = Position(record, scriptPath);
            return position.Length == 0 ? text : $"At {position}: {text}";
        }

        /// <summary>"At line 3, char 5: text": line breaks inside the text kept, indented, so each entry starts a line of its own.</summary>
        internal static string Format(string text, string position, TsEnvironment environment)
        {
            string body = LineBreak.Replace(Shorten(environment.Mask(text)).Trim(), "\n  ");
            return position.Length == 0 ? body : $"At {position}: {body}";
        }

        /// <summary>
        /// At most 4,000 characters of one record's (already masked) text: a script may write
        /// megabytes into one error or warning, and the step message and log keep every record.
        /// </summary>
        internal static string Shorten(string masked) =>
            masked.Length <= MaxRecordLength ? masked : masked.Substring(0, MaxRecordLength) + $"... ({masked.Length - MaxRecordLength} more characters)";

        private static void Describe(ErrorRecord record, string scriptPath, List<string> missing, out string text, out string position)
        {
            text = record.ToString();
            // Only a failed invocation (CommandNotFoundException, CouldNotAutoLoadModule): a probe such
            // as `Get-Command choco` reports the same exception from its cmdlet, whose id then names it
            // ('CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand').
            if (record.Exception is CommandNotFoundException notFound && !(record.FullyQualifiedErrorId ?? string.Empty).Contains(","))
            {
                string name = notFound.CommandName;
                if (string.IsNullOrEmpty(name))
                {
                    name = Convert.ToString(record.TargetObject, CultureInfo.InvariantCulture) ?? string.Empty;
                }

                if (name.Length > 0)
                {
                    if (!missing.Contains(name))
                    {
                        missing.Add(name);
                    }

                    text = MissingCommandReasons.For(name);
                }
            }

            position = Position(record, scriptPath);
        }

        /// <summary>Where in the step's script an error happened: 'line 3, char 5', 'line 3', or '' when the record does not say (<see cref="Where"/>).</summary>
        private static string Position(ErrorRecord record, string scriptPath)
        {
            Where(record, scriptPath, out int line, out int column);
            return line == 0 ? string.Empty : column == 0 ? $"line {line}" : $"line {line}, char {column}";
        }

        /// <summary>
        /// Where in the step's script an error happened: its line and column, 0 when the record
        /// does not say. The record's own position counts when it is in the script (an error
        /// raised inside a module function points into that module, and Write-Error at the top of a
        /// script has no position of its own); otherwise the innermost frame of its script stack
        /// trace that is in the script gives the line (and no column).
        /// </summary>
        internal static void Where(ErrorRecord record, string scriptPath, out int line, out int column)
        {
            line = 0;
            column = 0;
            InvocationInfo? info = record.InvocationInfo;
            if (info != null && info.ScriptLineNumber > 0 && string.Equals(info.ScriptName, scriptPath, StringComparison.OrdinalIgnoreCase))
            {
                line = info.ScriptLineNumber;
                column = info.OffsetInLine;
                return;
            }

            // Frames read "at <ScriptBlock>, /path/script.ps1: line 2", innermost first.
            string marker = ", " + scriptPath + ": line ";
            foreach (string frame in (record.ScriptStackTrace ?? string.Empty).Split('\n'))
            {
                int at = frame.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    continue;
                }

                if (int.TryParse(frame.Substring(at + marker.Length).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int found) && found > 0)
                {
                    line = found;
                    return;
                }
            }
        }
    }
}
