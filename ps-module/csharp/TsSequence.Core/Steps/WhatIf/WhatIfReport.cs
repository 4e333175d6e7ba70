using System;
using System.Globalization;
using TsSequence.Model;

namespace TsSequence.Steps.WhatIf
{
    /// <summary>
    /// What a step would do, for a what-if run (-WhatIf, --what-if): the walk, the conditions and
    /// the %var% expansion are real, the step is not run. Set Task Sequence Variable is the one
    /// step that does its work: it only changes the run's variables in memory (never saved in a
    /// what-if run), and later conditions must see it for the report to tell the truth. The
    /// engine masks the text like every message.
    /// </summary>
    public static class WhatIfReport
    {
        /// <summary>The sentence reported for <paramref name="call"/>, after doing what is safe to do.</summary>
        public static string Describe(StepCall call)
        {
            switch (call.Type)
            {
                case "SetTaskSequenceVariable":
                    return SetVariable(call);
                case "RunCommandLine":
                    return "What if: would run the command line "
                        + (call.VariableIsTrue("OSDDoNotLogCommand") ? "(hidden because OSDDoNotLogCommand=TRUE)" : Quote(call.GetString("commandLine")))
                        + Where(call) + Limit(call);
                case "RunPowerShellScript":
                    return "What if: would run " + Script(call) + Where(call) + Limit(call);
                case "Node":
                    return $"What if: would call the Node step handler {Quote(call.GetString("handler"))}" + Limit(call);
                default:
                    StepTypeSpec? spec = StepCatalog.Find(call.Type);
                    return $"What if: would run the {spec?.DisplayName ?? call.Type} step" + Limit(call);
            }
        }

        private static string SetVariable(StepCall call)
        {
            new SetTaskSequenceVariableStep().Run(call);
            string name = call.GetString("variableName");
            string value = call.GetString("variableValue");
            if (value.Length == 0)
            {
                return $"What if: would delete the variable {name}";
            }

            string shown = call.Environment.IsSecret(name) ? "a hidden value" : Quote(value);
            return $"What if: would set the variable {name} to {shown}";
        }

        private static string Script(StepCall call)
        {
            string source = call.GetString("sourceScript");
            string text;
            if (source.Length > 0)
            {
                int lines = source.Split('\n').Length;
                text = lines == 1 ? "an inline script of 1 line" : $"an inline script of {lines.ToString(CultureInfo.InvariantCulture)} lines";
            }
            else
            {
                text = $"the script {Quote(call.GetString("scriptName"))}";
                string package = call.GetString("packageId");
                if (package.Length > 0)
                {
                    text += $" of package {package}";
                }
            }

            if (call.Get("parameters") != null)
            {
                text += call.VariableIsTrue("OSDLogPowerShellParameters")
                    ? " with the parameters " + Quote(Convert.ToString(call.Get("parameters"), CultureInfo.InvariantCulture) ?? string.Empty)
                    : " with parameters (not shown unless OSDLogPowerShellParameters=TRUE)";
            }

            return text;
        }

        private static string Where(StepCall call)
        {
            string directory = call.GetString("workingDirectory");
            return directory.Length > 0 ? $" in {Quote(directory)}" : string.Empty;
        }

        private static string Limit(StepCall call) =>
            call.Get("timeoutMinutes") != null ? $", for at most {call.TimeoutText} minute(s)" : string.Empty;

        private static string Quote(string text) => "'" + text + "'";
    }
}
