using System.Collections.Specialized;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// A script's errors as the step result's 'errors' records: message (as in the step message),
    /// errorId (FullyQualifiedErrorId), category, exceptionType, targetName, target (the target
    /// object as a JSON value, <see cref="OutputValue"/>, small), scriptStackTrace (without the engine's wrapper frame), line and column
    /// in the step's script (null when unknown) and terminating (the error that ended the script,
    /// or a parse error that kept it from starting). Every text is masked and at most 4,000
    /// characters (<see cref="ScriptErrorReport.Shorten"/>).
    /// </summary>
    internal static class ErrorRecords
    {
        private const long TargetBudget = 4000;

        internal static OrderedDictionary From(ErrorRecord record, string message, string scriptPath, TsEnvironment environment, bool terminating)
        {
            ScriptErrorReport.Where(record, scriptPath, out int line, out int column);
            ErrorCategoryInfo? category = record.CategoryInfo;
            return new OrderedDictionary
            {
                { "message", Text(message, environment) },
                { "errorId", Text(record.FullyQualifiedErrorId, environment) },
                { "category", category?.Category.ToString() ?? nameof(ErrorCategory.NotSpecified) },
                { "exceptionType", record.Exception?.GetType().FullName },
                { "targetName", Text(category?.TargetName, environment) },
                { "target", Target(record.TargetObject, environment) },
                { "scriptStackTrace", Text(ScriptFrames(record.ScriptStackTrace), environment) },
                { "line", line > 0 ? line : (int?)null },
                { "column", column > 0 ? column : (int?)null },
                { "terminating", terminating },
            };
        }

        internal static OrderedDictionary From(ParseError error, TsEnvironment environment) => new OrderedDictionary
        {
            { "message", Text(error.Message, environment) },
            { "errorId", Text(error.ErrorId, environment) },
            { "category", nameof(ErrorCategory.ParserError) },
            { "exceptionType", typeof(ParseException).FullName },
            { "targetName", string.Empty },
            { "target", null },
            { "scriptStackTrace", string.Empty },
            { "line", error.Extent?.StartLineNumber },
            { "column", error.Extent?.StartColumnNumber },
            { "terminating", true },
        };

        /// <summary>The stack trace without its outermost frame when that is the engine's wrapper (a script block with no file).</summary>
        private static string ScriptFrames(string? trace)
        {
            trace = trace ?? string.Empty;
            int last = trace.LastIndexOf('\n');
            return last >= 0 && trace.IndexOf(", <No file>: line ", last, System.StringComparison.Ordinal) > 0 ? trace.Substring(0, last).TrimEnd('\r') : trace;
        }

        private static string Text(string? text, TsEnvironment environment) =>
            ScriptErrorReport.Shorten(environment.Mask(text ?? string.Empty));

        private static object? Target(object? target, TsEnvironment environment)
        {
            if (target == null)
            {
                return null;
            }

            return OutputValue.TryConvert(target, environment, TargetBudget, out object? value, out _)
                ? value
                : Text(System.Convert.ToString(target, System.Globalization.CultureInfo.InvariantCulture), environment);
        }
    }
}
