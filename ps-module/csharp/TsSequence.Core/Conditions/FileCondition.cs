using System;
using System.Collections;
using System.Diagnostics;
using System.IO;

namespace TsSequence.Conditions
{
    /// <summary>
    /// A file condition (spec 2.2, File Properties): the file exists and, when given, its version
    /// (the PE version resource, which FileVersionInfo reads on every platform) and its last-write
    /// time compare as asked. A file without version information fails any version comparison.
    /// </summary>
    internal static class FileCondition
    {
        internal static bool Holds(IDictionary file, TsEnvironment environment, ConditionContext context)
        {
            string written = ConditionEvaluator.Required(file, "path", "file");
            string path = ConditionPath.Resolve(written, environment, context);
            string what = Quote(path);
            // A version that is none fails the step wherever the file is, not only where it exists.
            string? version = ConditionEvaluator.Optional(file, "version");
            Version? expected = version == null ? null : ParseVersion(version);
            if (!File.Exists(path))
            {
                return context.False("file", what, Directory.Exists(path) ? "it is a folder, not a file" : "the file does not exist");
            }

            if (version != null && expected != null)
            {
                string op = ConditionEvaluator.Required(file, "versionOperator", "file");
                FileVersionInfo info;
                try
                {
                    info = FileVersionInfo.GetVersionInfo(path);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // Not a readable regular file (a FIFO, a device, no read access): it has no version to compare.
                    return context.False("file", what, $"its version information cannot be read ({exception.Message.TrimEnd('.')}), so it has none to compare with {version}");
                }

                if (info.FileVersion == null && info.FileMajorPart == 0 && info.FileMinorPart == 0 && info.FileBuildPart == 0 && info.FilePrivatePart == 0)
                {
                    return context.False("file", what, "the file has no version information to compare with " + version);
                }

                var actual = new Version(info.FileMajorPart, info.FileMinorPart, info.FileBuildPart, info.FilePrivatePart);
                if (!ComparisonOperator.Holds(op, actual.CompareTo(expected)))
                {
                    return context.False("file", what, $"its version {actual} is not {ComparisonOperator.Symbol(op)} {version}");
                }
            }

            string? dateTime = ConditionEvaluator.Optional(file, "dateTime");
            if (dateTime != null)
            {
                string op = ConditionEvaluator.Required(file, "dateTimeOperator", "file");
                if (!ConditionTimestamp.Holds(File.GetLastWriteTimeUtc(path), op, dateTime, out string actual))
                {
                    return context.False("file", what, $"its last write time {actual} is not {ComparisonOperator.Symbol(op)} {dateTime}");
                }
            }

            return true;
        }

        /// <summary>A version of 1 to 4 parts, the missing ones 0 (so 1.2 equals 1.2.0.0).</summary>
        internal static Version ParseVersion(string text)
        {
            string[] parts = text.Split('.');
            var numbers = new int[4];
            if (parts.Length > 4)
            {
                throw new ArgumentException($"file.version '{text}' is not a version such as 1.2.3.4.");
            }

            for (int i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]))
                {
                    throw new ArgumentException($"file.version '{text}' is not a version such as 1.2.3.4.");
                }
            }

            return new Version(numbers[0], numbers[1], numbers[2], numbers[3]);
        }

        internal static string Quote(string path) => "'" + path + "'";
    }
}
