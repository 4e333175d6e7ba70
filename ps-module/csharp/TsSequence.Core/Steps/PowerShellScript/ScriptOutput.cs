using System;
using System.Globalization;
using System.Management.Automation;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>
    /// A script's pipeline output, read as it comes: each object becomes text (host output from
    /// Write-Host as written, other objects as PowerShell's [string] gives them) into a bounded
    /// tail, and the collection is emptied as it fills, so memory stays flat whatever the script
    /// prints. Only the text's tail is ever used (the output variable).
    /// </summary>
    internal sealed class ScriptOutput
    {
        private const int DrainAt = 256;
        private readonly TextTail tail;
        private readonly object sync = new object();

        internal ScriptOutput(int keep)
        {
            tail = new TextTail(keep);
            Collection = new PSDataCollection<PSObject>();
            Collection.DataAdding += (sender, e) => Add(e.ItemAdded);
            Collection.DataAdded += (sender, e) =>
            {
                if (Collection.Count >= DrainAt)
                {
                    Collection.ReadAll();
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
            string text = ToText(item);
            lock (sync)
            {
                tail.Append(text);
            }
        }

        private static string ToText(object? item)
        {
            object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
            if (value is InformationRecord information)
            {
                if (information.MessageData is HostInformationMessage host)
                {
                    return host.NoNewLine == true ? host.Message : host.Message + "\n";
                }

                return AsText(information.MessageData) + "\n";
            }

            return AsText(item) + "\n";
        }

        private static string AsText(object? value)
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
