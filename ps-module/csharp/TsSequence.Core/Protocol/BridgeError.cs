using System;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text.RegularExpressions;
using TsSequence.Engine;

namespace TsSequence.Protocol
{
    /// <summary>The <c>error</c> of a response: <c>{message, errorId, category}</c>, as Node's EngineRequestError reads it.</summary>
    internal static class BridgeError
    {
        private static readonly Regex RequestId = new Regex("\"id\"\\s*:\\s*(\\d+)", RegexOptions.CultureInvariant);

        /// <summary>
        /// An error the engine raised: the id is the record's FullyQualifiedErrorId before its first
        /// comma ("TsSequence.InvalidStep,Invoke-TsStepCore" → "TsSequence.InvalidStep": Node keys on
        /// the id alone), the message the innermost one (<see cref="ErrorText.Innermost"/>).
        /// </summary>
        internal static OrderedDictionary From(Exception exception)
        {
            string errorId = "EngineError";
            string category = nameof(ErrorCategory.NotSpecified);
            Exception reported = exception;
            if (exception is UnknownMethodException)
            {
                errorId = UnknownMethodException.ErrorId;
                category = nameof(ErrorCategory.InvalidArgument);
            }
            else if (exception is IContainsErrorRecord withRecord && withRecord.ErrorRecord != null)
            {
                ErrorRecord record = withRecord.ErrorRecord;
                reported = record.Exception ?? exception;
                if (!string.IsNullOrEmpty(record.FullyQualifiedErrorId))
                {
                    errorId = record.FullyQualifiedErrorId.Split(',')[0];
                }

                if (record.CategoryInfo != null)
                {
                    category = record.CategoryInfo.Category.ToString();
                }
            }

            return Payload(ErrorText.Innermost(reported).Message, errorId, category);
        }

        internal static OrderedDictionary Payload(string message, string errorId, string category) => new OrderedDictionary
        {
            { "message", message },
            { "errorId", errorId },
            { "category", category },
        };

        /// <summary>
        /// The id of a request line that could not be parsed, when it can still be read, so Node
        /// fails that one call instead of losing track of the conversation; else null.
        /// </summary>
        internal static object? FindRequestId(string line)
        {
            Match match = RequestId.Match(line);
            if (match.Success && long.TryParse(match.Groups[1].Value, out long id))
            {
                return id;
            }

            return null;
        }
    }
}
