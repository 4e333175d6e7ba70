using System;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text;

namespace TsSeq.Host;

/// <summary>
/// `-Command -`: commands read from stdin, one persistent runspace. Each input runs as soon as
/// it parses complete; an incomplete one (open brace, here-string, trailing pipe...) keeps
/// reading. Unlike pwsh's console host this needs no blank line to end a multi-line block, so a
/// multi-line command followed directly by node-powershell's delimiter lines does not hang.
/// </summary>
internal static class StdinLoop
{
    /// <summary>Runs until EOF or `exit`. Returns the exit code the process should end with.</summary>
    public static int Run(Engine engine, TextReader input)
    {
        var pending = new StringBuilder();
        Exception? lastFailure = null;
        while (input.ReadLine() is string line)
        {
            if (pending.Length > 0)
            {
                pending.Append('\n');
            }

            pending.Append(line);
            string text = pending.ToString();
            if (IsIncomplete(text))
            {
                continue;
            }

            pending.Clear();
            if (text.Trim().Length == 0)
            {
                continue;
            }

            lastFailure = engine.RunScript(text);
            if (engine.Host.ShouldExit)
            {
                return engine.Host.ExitCode;
            }
        }

        // EOF inside an unfinished block: run it anyway so its parse error is reported.
        if (pending.Length > 0 && pending.ToString().Trim().Length > 0)
        {
            lastFailure = engine.RunScript(pending.ToString());
            if (engine.Host.ShouldExit)
            {
                return engine.Host.ExitCode;
            }
        }

        // As pwsh at the end of its input loop: 0 if the last pipeline succeeded, else 1.
        return lastFailure is null && engine.LastPipelineSucceeded() ? 0 : 1;
    }

    private static bool IsIncomplete(string text)
    {
        Parser.ParseInput(text, out _, out ParseError[] errors);
        return errors.Any(error => error.IncompleteInput);
    }
}
