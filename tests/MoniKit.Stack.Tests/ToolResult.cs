namespace MoniKit.Stack.Tests;

/// <summary>What a program printed, and how it ended.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public string Combined => Output + Error;

    public ToolResult AssertSuccess(string what)
    {
        Assert.AreEqual(0, ExitCode, $"{what} failed:\n{Output}\n{Error}");
        return this;
    }
}
