using System;

// The exception type pwsh's Write-Error uses (it lives in Commands.Utility, absent here); same
// namespace and name so `catch [Microsoft.PowerShell.Commands.WriteErrorException]` still works.
namespace Microsoft.PowerShell.Commands
{
    public class WriteErrorException : SystemException
    {
        public WriteErrorException()
            : base("The Write-Error cmdlet reported an error.")
        {
        }

        public WriteErrorException(string message)
            : base(message)
        {
        }

        public WriteErrorException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
