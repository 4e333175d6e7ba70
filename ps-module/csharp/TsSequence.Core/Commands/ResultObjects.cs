using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;

namespace TsSequence.Commands
{
    /// <summary>
    /// Result documents as PowerShell commands return them: PSCustomObjects (so they format as
    /// tables and serialize with ConvertTo-Json), steps included; 'variables' stays a dictionary.
    /// </summary>
    public static class ResultObjects
    {
        /// <summary>A result document or step entry as a PSCustomObject; null stays null.</summary>
        public static PSObject? ToPSObject(OrderedDictionary? result)
        {
            if (result == null)
            {
                return null;
            }

            var custom = new PSObject();
            foreach (DictionaryEntry entry in result)
            {
                object? value = entry.Value;
                if ((string)entry.Key == "steps" && value is object[] steps)
                {
                    var objects = new object?[steps.Length];
                    for (int i = 0; i < steps.Length; i++)
                    {
                        objects[i] = ToPSObject(steps[i] as OrderedDictionary);
                    }

                    value = objects;
                }

                custom.Properties.Add(new PSNoteProperty((string)entry.Key, value));
            }

            return custom;
        }
    }
}
