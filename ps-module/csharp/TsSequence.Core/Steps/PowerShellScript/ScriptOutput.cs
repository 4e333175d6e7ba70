using System;
using System.Globalization;
using System.Management.Automation;
using TsSequence.Engine.Log;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// A script's pipeline output, read as it comes: each object becomes text (host output from
    /// Write-Host as written, other objects as PowerShell's [string] gives them) into a bounded
    /// tail, and the collection is emptied as it fills, so memory stays flat whatever the script
    /// prints. Its tail feeds the output variable; each object is also a line of the step's output
    /// (<see cref="StepOutput"/>: stream 'information' for Write-Host / Write-Information, else
    /// 'output'), and every object but host output is offered to the step result's 'output'
    /// (<see cref="OutputObjects"/>). (Overriding the
    /// collection's InsertItem would skip storing altogether, but the 5.1 reference API the core
    /// compiles against does not expose it.)
    /// </summary>
    internal sealed class ScriptOutput
    {
        private const int DrainAt = 256;
        private readonly TextTail tail;
        private readonly object sync = new object();
        private readonly StepOutput lines;
        private readonly OutputObjects objects;

        internal ScriptOutput(int keep, StepOutput lines, OutputObjects objects)
        {
            tail = new TextTail(keep);
            this.lines = lines;
            this.objects = objects;
            Collection = new PSDataCollection<PSObject>();
            Collection.DataAdding += (sender, e) => Add(e.ItemAdded);
            Collection.DataAdded += (sender, e) =>
            {
                // Clear, not ReadAll: ReadAll removes one item at a time from the front.
                if (Collection.Count >= DrainAt)
                {
                    Collection.Clear();
                }
            };
        }

        /// <summary>The collection the invocation writes its output to.</summary>
        internal PSDataCollection<PSObject> Collection { get; }

        /// <summary>The text's tail so far.</summary>
        internal string Text
        {
            get
            {
                lock (sync)
                {
                    return tail.ToString();
                }
            }
        }

        private void Add(object? item)
        {
            string text = ToText(item, out bool lineBreak, out bool information);
            lines.Line(information ? "information" : "output", text);
            if (!information)
            {
                objects.Add(item);
            }

            lock (sync)
            {
                tail.Append(text);
                if (lineBreak)
                {
                    tail.Append("\n");
                }
            }
        }

        private static string ToText(object? item, out bool lineBreak, out bool information)
        {
            lineBreak = true;
            information = false;
            object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
            if (value is string plain)
            {
                // The common case, and PowerShell's [string] of a string is itself.
                return plain;
            }

            if (value is InformationRecord record)
            {
                information = true;
                if (record.MessageData is HostInformationMessage host)
                {
                    lineBreak = host.NoNewLine != true;
                    return host.Message ?? string.Empty;
                }

                return AsText(record.MessageData);
            }

            return AsText(item);
        }

        /// <summary>An object as PowerShell turns it into text (invariant culture); its ToString() when that fails.</summary>
        internal static string AsText(object? value)
        {
            if (value == null)
            {
                return string.Empty;
            }

            try
            {
                return (string)LanguagePrimitives.ConvertTo(value, typeof(string), CultureInfo.InvariantCulture);
            }
            catch (Exception)
            {
                return value.ToString() ?? string.Empty;
            }
        }
    }
}
