using System;
using System.Management.Automation.Host;

namespace TsSeq.Host.Hosting;

/// <summary>
/// $Host.UI.RawUI, the minimum the formatter and scripts read: a buffer width for tables
/// (the console's when there is one, else 120 like Out-String) and settable colours/title.
/// There is no screen buffer to read or scroll.
/// </summary>
internal sealed class HostRawUserInterface : PSHostRawUserInterface
{
    private const int RedirectedWidth = 120;

    // -1 is what pwsh reports on Unix for "the terminal's default colour".
    public override ConsoleColor ForegroundColor { get; set; } = (ConsoleColor)(-1);

    public override ConsoleColor BackgroundColor { get; set; } = (ConsoleColor)(-1);

    public override Coordinates CursorPosition { get; set; }

    public override Coordinates WindowPosition { get; set; }

    public override int CursorSize { get; set; } = 25;

    public override Size BufferSize
    {
        get => new(Width(), short.MaxValue);
        set { }
    }

    public override Size WindowSize
    {
        get => new(Width(), 50);
        set { }
    }

    public override Size MaxWindowSize => WindowSize;

    public override Size MaxPhysicalWindowSize => WindowSize;

    public override bool KeyAvailable => false;

    public override string WindowTitle { get; set; } = "tsseq-host";

    public override KeyInfo ReadKey(ReadKeyOptions options) =>
        throw new NotSupportedException("tsseq-host does not read single keys.");

    public override void FlushInputBuffer() { }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) =>
        throw new NotSupportedException("tsseq-host has no screen buffer.");

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }

    private static int Width()
    {
        if (Console.IsOutputRedirected)
        {
            return RedirectedWidth;
        }

        try
        {
            int width = Console.WindowWidth;
            return width > 0 ? width : RedirectedWidth;
        }
        catch (System.IO.IOException)
        {
            return RedirectedWidth;
        }
    }
}
