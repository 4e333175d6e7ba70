using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Text;

namespace TsSeq.Host;

internal enum RunMode
{
    /// <summary>Read commands from stdin (`-Command -`, `-File -`, or nothing to run).</summary>
    Stdin,
    Command,
    File,
    Help,
    Version,
}

/// <summary>
/// The pwsh command-line subset tools rely on. Switches are case-insensitive and accept pwsh's
/// abbreviations (any prefix at least as long as pwsh's shortest, plus its aliases such as -ec
/// and -ep). Exit code 64 for usage errors, as pwsh.
/// </summary>
internal sealed class CommandLine
{
    public const int UsageErrorExitCode = 64;

    public RunMode Mode { get; private set; } = RunMode.Stdin;

    public bool NoLogo { get; private set; }

    public bool NoProfile { get; private set; }

    public bool NonInteractive { get; private set; }

    public bool NoExit { get; private set; }

    /// <summary>Accepted for compatibility and ignored: setting a policy throws on Unix.</summary>
    public string? ExecutionPolicy { get; private set; }

    /// <summary>Script text for -Command/-EncodedCommand.</summary>
    public string? CommandText { get; private set; }

    public string? FilePath { get; private set; }

    /// <summary>-File arguments, bound to the script's parameters by name, switch or position.</summary>
    public List<CommandParameter> FileArguments { get; } = new();

    /// <summary>Set when the command line is invalid: print it and exit 64.</summary>
    public string? Error { get; private set; }

    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine();
        line.ParseSwitches(args);
        return line;
    }

    private void ParseSwitches(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
            {
                // pwsh: the first argument that is not a switch names the script file ("-" = stdin).
                ParseFile(args, i);
                return;
            }

            string name = arg.TrimStart('-');
            if (Is(name, "help", "h") || name == "?")
            {
                Mode = RunMode.Help;
                return;
            }
            else if (Is(name, "version", "v"))
            {
                Mode = RunMode.Version;
                return;
            }
            else if (Is(name, "nologo", "nol"))
            {
                NoLogo = true;
            }
            else if (Is(name, "noprofile", "nop"))
            {
                NoProfile = true;
            }
            else if (Is(name, "noninteractive", "noni"))
            {
                NonInteractive = true;
            }
            else if (Is(name, "noexit", "noe"))
            {
                NoExit = true;
            }
            else if (Is(name, "interactive", "i"))
            {
                NonInteractive = false;
            }
            else if (Is(name, "executionpolicy", "ex") || Eq(name, "ep"))
            {
                if (++i >= args.Length)
                {
                    Fail("The argument for the -ExecutionPolicy parameter is missing. Specify a policy, for example Bypass.");
                    return;
                }

                ExecutionPolicy = args[i];
            }
            else if (Is(name, "encodedcommand", "e") || Eq(name, "ec"))
            {
                if (++i >= args.Length)
                {
                    Fail("Cannot process the command because of a missing parameter. A command must follow -EncodedCommand.");
                    return;
                }

                if (!TryDecode(args[i], out string text))
                {
                    Fail("Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.");
                    return;
                }

                Mode = RunMode.Command;
                CommandText = text;
            }
            else if (Is(name, "command", "c"))
            {
                ParseCommand(args, i + 1);
                return;
            }
            else if (Is(name, "file", "f"))
            {
                if (i + 1 >= args.Length)
                {
                    Fail("The argument for the -File parameter is missing. Specify a script file path.");
                    return;
                }

                ParseFile(args, i + 1);
                return;
            }
            else
            {
                Fail($"The argument '{arg}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.");
                return;
            }
        }
    }

    // -Command takes the rest of the line, joined with spaces as pwsh does; "-" means stdin.
    private void ParseCommand(string[] args, int start)
    {
        if (start >= args.Length)
        {
            Fail("Cannot process the command because of a missing parameter. A command must follow -Command.");
            return;
        }

        if (args[start] == "-")
        {
            if (start + 1 < args.Length)
            {
                Fail("Invalid argument '" + args[start + 1] + "': -Command - reads commands from standard input and takes no further arguments.");
                return;
            }

            Mode = RunMode.Stdin;
            return;
        }

        Mode = RunMode.Command;
        CommandText = string.Join(" ", args, start, args.Length - start);
    }

    private void ParseFile(string[] args, int index)
    {
        if (args[index] == "-")
        {
            Mode = RunMode.Stdin;
            return;
        }

        Mode = RunMode.File;
        FilePath = args[index];
        ParseFileArguments(args, index + 1);
    }

    // The arguments after the file become parameters the way pwsh passes them: `-Name value` and
    // `-Name: value` (name then value), `-Name:value`, `-Switch`, `-Switch:$false`, positional values.
    // They are data handed to the binder, never pasted into script text.
    private void ParseFileArguments(string[] args, int start)
    {
        string? pendingName = null;
        for (int i = start; i < args.Length; i++)
        {
            string arg = args[i];
            if (pendingName is not null)
            {
                FileArguments.Add(new CommandParameter(pendingName, arg));
                pendingName = null;
            }
            else if (arg.Length > 1 && arg[0] == '-' && !IsNumber(arg))
            {
                int colon = arg.IndexOf(':');
                if (colon < 0)
                {
                    // A bare name: the binder pairs it with the next value unless it is a switch.
                    FileArguments.Add(new CommandParameter(arg));
                }
                else if (colon == arg.Length - 1)
                {
                    pendingName = arg.Substring(1, colon - 1);
                }
                else
                {
                    string name = arg.Substring(1, colon - 1);
                    string value = arg.Substring(colon + 1);
                    if (Eq(value, "$true"))
                    {
                        FileArguments.Add(new CommandParameter(name, true));
                    }
                    else if (Eq(value, "$false"))
                    {
                        FileArguments.Add(new CommandParameter(name, false));
                    }
                    else
                    {
                        FileArguments.Add(new CommandParameter(name, value));
                    }
                }
            }
            else
            {
                FileArguments.Add(new CommandParameter(null, arg));
            }
        }

        if (pendingName is not null)
        {
            FileArguments.Add(new CommandParameter("-" + pendingName));
        }
    }

    // "-5" and "-1.5" are values, not parameter names.
    private static bool IsNumber(string arg) =>
        double.TryParse(arg, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static bool TryDecode(string base64, out string text)
    {
        try
        {
            text = Encoding.Unicode.GetString(Convert.FromBase64String(base64));
            return true;
        }
        catch (FormatException)
        {
            text = string.Empty;
            return false;
        }
    }

    // pwsh's rule: the switch is a prefix of the full name and at least as long as the shortest form.
    private static bool Is(string given, string full, string shortest) =>
        given.Length >= shortest.Length && full.StartsWith(given, StringComparison.OrdinalIgnoreCase);

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private void Fail(string message) => Error = message;

    public const string Usage =
        "Usage: tsseq-host [-NoLogo] [-NoProfile] [-NonInteractive] [-NoExit] [-ExecutionPolicy <policy>]\n" +
        "                  [-Command - | -Command <text...> | -EncodedCommand <base64 UTF-16LE> | [-File] <path> [args...]]\n" +
        "An embedded PowerShell engine (System.Management.Automation only) that accepts the pwsh command-line subset.\n" +
        "With no command, or with -Command -, commands are read from standard input.";
}
