using System;
using System.IO;
using System.Text;

namespace TsSeq.Host.Hosting;

/// <summary>
/// The process's stdin/stdout/stderr as UTF-8 without BOM, installed as Console.In/Out/Error so
/// that [Console]::Out.WriteLine (node-powershell's delimiters) and the host UI share one writer
/// and keep their order.
/// </summary>
internal sealed class ConsoleStreams
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TextReader In { get; }

    private ConsoleStreams(TextWriter output, TextWriter error, TextReader input)
    {
        Out = output;
        Error = error;
        In = input;
    }

    public static ConsoleStreams Install()
    {
        // AutoFlush: output must reach a driving process (node-powershell, the bridge) as soon as
        // it is written, not when a buffer fills.
        var output = new StreamWriter(Console.OpenStandardOutput(), Utf8NoBom, 64 * 1024) { AutoFlush = true };
        var error = new StreamWriter(Console.OpenStandardError(), Utf8NoBom, 16 * 1024) { AutoFlush = true };
        var input = new StreamReader(Console.OpenStandardInput(), Utf8NoBom, detectEncodingFromByteOrderMarks: true, 64 * 1024);
        Console.SetOut(output);
        Console.SetError(error);
        Console.SetIn(input);
        // Console.SetOut/SetError/SetIn wrap the writers in synchronized ones: use those.
        return new ConsoleStreams(Console.Out, Console.Error, Console.In);
    }
}
