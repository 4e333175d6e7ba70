using System;
using System.Collections;
using System.Collections.Generic;
using TsSequence.Steps;

namespace TsSequence.Documents
{
    /// <summary>
    /// Warns of steps this version cannot run yet. Which types run is Steps/StepRunners.cs's to
    /// say (IsImplemented); the Node validator reads the same list from that file
    /// (src/bridge/implementedSteps.ts), so there is one list.
    /// </summary>
    internal static class ImplementedSteps
    {
        /// <summary>The warning for a step of <paramref name="type"/> at <paramref name="jsonPath"/>.</summary>
        internal static string Warning(string jsonPath, string type) =>
            $"{jsonPath}.type: {type} steps are not implemented yet in this version of tsseq; the run fails at this step";

        internal static void Warn(Array steps, string jsonPath, List<string> warnings, int depth)
        {
            DocumentValidator.CheckDepth(depth);
            int index = 0;
            foreach (object? item in steps)
            {
                string path = $"{jsonPath}[{index}]";
                index++;
                if (!(item is IDictionary step) || !(step["type"] is string type))
                {
                    continue;
                }

                if (type == Model.StepCatalog.Group.Name)
                {
                    if (step["steps"] is Array children)
                    {
                        Warn(children, path + ".steps", warnings, depth + 1);
                    }
                }
                else if (!StepRunners.IsImplemented(type))
                {
                    warnings.Add(Warning(path, type));
                }
            }
        }
    }
}
