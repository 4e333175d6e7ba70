using System;
using System.Collections.Specialized;
using System.Management.Automation;

namespace TsSequence.Engine.Hosts
{
    /// <summary>Invoke-TsSequence -OnEvent: each event is handed to the script block as a dictionary.</summary>
    public sealed class ScriptBlockListener : IRunListener
    {
        private readonly ScriptBlock block;

        /// <summary>A listener calling <paramref name="block"/>.</summary>
        public ScriptBlockListener(ScriptBlock block)
        {
            this.block = block ?? throw new ArgumentNullException(nameof(block));
        }

        /// <inheritdoc/>
        public void Send(OrderedDictionary payload) => block.Invoke(payload);
    }
}
