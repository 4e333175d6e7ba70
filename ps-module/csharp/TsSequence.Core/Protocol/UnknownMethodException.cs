using System;

namespace TsSequence.Protocol
{
    /// <summary>A request named a method the engine does not have (a Node newer than the module, say).</summary>
    internal sealed class UnknownMethodException : ArgumentException
    {
        internal UnknownMethodException(string method)
            : base($"Unknown bridge method '{method}'.")
        {
        }

        internal const string ErrorId = "TsSequence.UnknownMethod";
    }
}
