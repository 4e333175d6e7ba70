using System;
using System.Management.Automation;

namespace TsSequence.Engine
{
    /// <summary>The reason a person can act on, from an exception as PowerShell may have wrapped it.</summary>
    public static class ErrorText
    {
        /// <summary>Unwraps MethodInvocationException ("Exception calling X with N argument(s)") to the exception inside.</summary>
        public static Exception Innermost(Exception exception)
        {
            while (exception is MethodInvocationException && exception.InnerException != null)
            {
                exception = exception.InnerException;
            }

            return exception;
        }
    }
}
