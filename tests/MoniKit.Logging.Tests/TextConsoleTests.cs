using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Logging.Tests;

/// <summary>The Development text console: user input can neither forge a line nor reach the terminal as an escape.</summary>
[TestClass]
public sealed class TextConsoleTests
{
    private const string Forgery = "bob\r\n12:00:00.000 FATAL Payments: FORGED\u001b[2J\u0007";

    [TestMethod]
    public async Task TextConsole_ControlCharactersInMessageAndException_EscapedOnOneLine()
    {
        var lines = await DevelopmentConsoleAsync("Login", logger =>
        {
            logger.LogWarning("Login failed for {User}", Forgery);
            logger.LogError(new InvalidOperationException("bad input " + Forgery), "Rejected");
        });

        var text = string.Join('\n', lines);
        Assert.DoesNotContain("\u001b", text, "no terminal escape from user input");
        Assert.DoesNotContain("\u0007", text);
        Assert.DoesNotContain("\r", text);
        var warning = lines.Single(l => l.Contains("Login failed", StringComparison.Ordinal));
        StringAssert.Contains(warning, "Login: Login failed for bob\\r\\n12:00:00.000 FATAL Payments: FORGED\\u001b[2J\\u0007");
        Assert.AreEqual(1, lines.Count(l => l.Contains("FORGED", StringComparison.Ordinal) && !l.StartsWith(' ')), "only the real line starts at the margin:\n" + text);
        var exception = lines.Single(l => l.Contains("bad input", StringComparison.Ordinal));
        StringAssert.StartsWith(exception, " ", "an exception's lines are indented under their event");
        StringAssert.Contains(exception, "System.InvalidOperationException: bad input bob\\r\\n12:00:00.000 FATAL Payments: FORGED\\u001b[2J\\u0007");
    }

    [TestMethod]
    public async Task TextConsole_Development_WritesTimeLevelLoggerAndMessage()
    {
        var lines = await DevelopmentConsoleAsync("Orders.Api", logger => logger.LogInformation("Order {OrderId} created", 42));

        var line = lines.Single(l => l.Contains("Order 42", StringComparison.Ordinal));
        StringAssert.Matches(line, new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d:\d\d\.\d{3} INFO  Orders\.Api: Order 42 created$"));
    }

    /// <summary>What a Development host with the default console writes to standard output.</summary>
    private static async Task<string[]> DevelopmentConsoleAsync(string category, Action<ILogger> log)
    {
        using var test = new TestHost();
        return await TestHost.CaptureConsoleAsync(async () =>
        {
            var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Console"] = null }, "Development");
            builder.AddMoniKitLogging();
            using var host = builder.Build();
            await host.StartAsync();
            log(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category));
            await host.StopAsync();
        });
    }
}
