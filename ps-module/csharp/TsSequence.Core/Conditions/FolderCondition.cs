using System.Collections;
using System.IO;

namespace TsSequence.Conditions
{
    /// <summary>A folder condition (spec 2.2, Folder Properties): the folder exists and, when given, its last-write time compares as asked.</summary>
    internal static class FolderCondition
    {
        internal static bool Holds(IDictionary folder, TsEnvironment environment, ConditionContext context)
        {
            string path = ConditionPath.Resolve(ConditionEvaluator.Required(folder, "path", "folder"), environment, context);
            string what = FileCondition.Quote(path);
            if (!Directory.Exists(path))
            {
                return context.False("folder", what, File.Exists(path) ? "it is a file, not a folder" : "the folder does not exist");
            }

            string? dateTime = ConditionEvaluator.Optional(folder, "dateTime");
            if (dateTime != null)
            {
                string op = ConditionEvaluator.Required(folder, "dateTimeOperator", "folder");
                if (!ConditionTimestamp.Holds(Directory.GetLastWriteTimeUtc(path), op, dateTime, out string actual))
                {
                    return context.False("folder", what, $"its last write time {actual} is not {ComparisonOperator.Symbol(op)} {dateTime}");
                }
            }

            return true;
        }
    }
}
