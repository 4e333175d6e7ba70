using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using TsSequence.Documents;
using TsSequence.Model;

namespace TsSequence.Commands
{
    /// <summary>
    /// The step objects the generated New-Ts&lt;Step&gt;Step functions and New-TsGroup return: the
    /// bound parameters under the model's JSON names (PowerShell names are their PascalCase), so
    /// an object serializes straight into a sequence document and feeds Invoke-TsStep.
    /// </summary>
    public static class StepObjects
    {
        /// <summary>A step object of <paramref name="type"/> from a generated function's $PSBoundParameters.</summary>
        public static PSObject Create(string type, IDictionary boundParameters)
        {
            var step = new PSObject();
            step.Properties.Add(new PSNoteProperty("type", type));
            foreach (ParameterSpec parameter in StepCatalog.ParametersOf(type))
            {
                if (!boundParameters.Contains(parameter.PsName))
                {
                    continue;
                }

                object? value = boundParameters[parameter.PsName];
                if (value is SwitchParameter flag)
                {
                    value = flag.IsPresent;
                }
                else if (parameter.Type == "steps")
                {
                    value = Children(value);
                }

                step.Properties.Add(new PSNoteProperty(parameter.Name, value));
            }

            return step;
        }

        /// <summary>-Steps as plain data: one step or a list of them (a hashtable is one step, not a list).</summary>
        private static object?[] Children(object? value)
        {
            object? unwrapped = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
            var plain = new List<object?>();
            if (unwrapped is IEnumerable children && !(unwrapped is string) && !(unwrapped is IDictionary))
            {
                foreach (object? child in children)
                {
                    plain.Add(PlainData.From(child));
                }
            }
            else if (unwrapped != null)
            {
                plain.Add(PlainData.From(unwrapped));
            }

            return plain.ToArray();
        }
    }
}
