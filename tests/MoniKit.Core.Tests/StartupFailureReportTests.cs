using Microsoft.Extensions.Options;
using MoniKit.Implementation;

namespace MoniKit.Core.Tests;

[TestClass]
public sealed class StartupFailureReportTests
{
    private static Exception Thrown(Func<Exception> create)
    {
        try
        {
            throw create();
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [TestMethod]
    public void Write_ConfigurationException_FirstLineNamesEveryKeyThenTheStackTrace()
    {
        var error = Thrown(() => new MoniKitConfigurationException(["MoniKit:Http:MaxBodyBytes must be between 0 and 1048576 (was -5)", "MoniKit:ServiceName is required"]));
        using var writer = new StringWriter();

        var code = StartupFailureReport.Write(error, writer);

        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.AreEqual("The service cannot start: MoniKit:Http:MaxBodyBytes must be between 0 and 1048576 (was -5); MoniKit:ServiceName is required", lines[0]);
        StringAssert.StartsWith(lines[1], "Unhandled exception. MoniKit.MoniKitConfigurationException: Invalid MoniKit configuration: ");
        StringAssert.Contains(lines[2], nameof(Thrown));
        Assert.AreEqual(StartupFailureReport.ConfigurationErrorExitCode, code);
        Assert.AreEqual(78, code);
    }

    [TestMethod]
    public void FirstLine_ConfigurationExceptionWrapped_FoundInsideTheWrappers()
    {
        var inner = new MoniKitConfigurationException("MoniKit:Management:Port 9464 cannot be listened on");
        var error = new AggregateException(new InvalidOperationException("outer", new AggregateException(inner)));

        Assert.AreEqual("The service cannot start: MoniKit:Management:Port 9464 cannot be listened on", StartupFailureReport.FirstLine(error));
        Assert.AreEqual(StartupFailureReport.ConfigurationErrorExitCode, StartupFailureReport.ExitCode(error));
    }

    [TestMethod]
    public void FirstLine_OptionsValidationFailure_QuotesEachFailure()
    {
        var error = new OptionsValidationException("Orders", typeof(object), ["Orders:Limit must be positive", "Orders:Name is required"]);

        Assert.AreEqual("The service cannot start: Orders:Limit must be positive; Orders:Name is required", StartupFailureReport.FirstLine(error));
        Assert.AreEqual(StartupFailureReport.ConfigurationErrorExitCode, StartupFailureReport.ExitCode(error));
    }

    [TestMethod]
    public void FirstLine_OtherException_TypeAndMessageWithControlCharactersEscaped()
    {
        var error = new IOException("Failed to bind to address http://127.0.0.1:5080: address already in use.\r\nALERT forged\u001b[2J");

        Assert.AreEqual(
            "The service cannot start: IOException: Failed to bind to address http://127.0.0.1:5080: address already in use.\\r\\nALERT forged\\u001b[2J",
            StartupFailureReport.FirstLine(error));
        Assert.AreEqual(StartupFailureReport.FailureExitCode, StartupFailureReport.ExitCode(error));
    }

    [TestMethod]
    public void Write_MessageWithLineBreaks_EachStackLineEscapedButLinesKept()
    {
        var error = Thrown(() => new InvalidOperationException("first\u001b[31m\nsecond"));
        using var writer = new StringWriter();

        StartupFailureReport.Write(error, writer);

        var text = writer.ToString();
        Assert.IsFalse(text.Contains('\u001b', StringComparison.Ordinal), text);
        StringAssert.Contains(text, "first\\u001b[31m");
    }
}
