using System;
using System.IO;
using System.Text;

namespace TsSequence.Conditions
{
    /// <summary>
    /// The path of a file or folder condition: %NAME% is a task sequence variable or, when no such
    /// variable exists, a system environment variable (ConfigMgr allows both), in one pass so a
    /// substituted value is never expanded again; "%%" is a literal "%"; an unknown %NAME% stays
    /// as written. A relative path starts at the run's base directory, as a step's script path does.
    /// </summary>
    internal static class ConditionPath
    {
        /// <summary>The full path <paramref name="path"/> names.</summary>
        internal static string Resolve(string path, TsEnvironment environment, ConditionContext context)
        {
            string expanded = Expand(path, environment);
            if (expanded.IndexOf('\0') >= 0)
            {
                throw new ArgumentException($"The path '{path}' contains a NUL character.");
            }

            return Path.GetFullPath(Path.Combine(context.BaseDirectory, expanded));
        }

        /// <summary>%NAME% from the task sequence variables, else the system environment.</summary>
        internal static string Expand(string text, TsEnvironment environment)
        {
            var result = new StringBuilder(text.Length);
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c != '%')
                {
                    result.Append(c);
                    i++;
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '%')
                {
                    result.Append('%');
                    i += 2;
                    continue;
                }

                int end = text.IndexOf('%', i + 1);
                string? value = null;
                if (end > i + 1)
                {
                    string name = text.Substring(i + 1, end - i - 1);
                    value = environment.Get(name) ?? Environment.GetEnvironmentVariable(name);
                }

                if (value != null)
                {
                    result.Append(value);
                    i = end + 1;
                }
                else
                {
                    // A literal '%': the scan goes on after it, so "%a%b%" may still find %b%.
                    result.Append('%');
                    i++;
                }
            }

            return result.ToString();
        }
    }
}
