using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MoniKit.Metrics.Implementation;

namespace MoniKit.Metrics.Tests;

[TestClass]
public sealed class EnvironmentReportJsonTests
{
    private const string Secret = "env-s3cr3t-31";

    [TestMethod]
    [DataRow("1.4.0+https://ci:" + Secret + "@git.example/orders", "1.4.0+https://git.example/orders")]
    [DataRow("1.4.0 (https://build.example/run?token=" + Secret + ")", "1.4.0 (https://build.example/run?token=[REDACTED])")]
    [DataRow("1.4.0-beta.2", "1.4.0-beta.2")]
    public void Write_VersionCarryingAUrl_WrittenWithoutItsSecret(string version, string expected)
    {
        var json = Write(new MoniKitOptions { ServiceName = "orders", ServiceVersion = version, Environment = "Production" });

        Assert.AreEqual(expected, json.RootElement.GetProperty("version").GetString());
        Assert.IsFalse(json.RootElement.GetRawText().Contains(Secret, StringComparison.Ordinal));
    }

    [TestMethod]
    public void Write_SecretsInEnvironmentAndConfiguration_NeverRead()
    {
        Environment.SetEnvironmentVariable("MoniKit__Slack__WebhookUrl", "https://hooks.example/" + Secret);
        Environment.SetEnvironmentVariable("ConnectionStrings__Default", "Host=db;Password=" + Secret);
        try
        {
            var json = Write(new MoniKitOptions { ServiceName = "orders", ServiceVersion = "1.0.0", Environment = "Staging" });

            Assert.IsFalse(json.RootElement.GetRawText().Contains(Secret, StringComparison.Ordinal));
            CollectionAssert.AreEquivalent(
                new[] { "name", "version", "environment", "framework", "runtimeIdentifier", "os", "architecture", "host", "processId", "processorCount", "processStartTime", "uptimeSeconds", "uptime" },
                json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        }
        finally
        {
            Environment.SetEnvironmentVariable("MoniKit__Slack__WebhookUrl", null);
            Environment.SetEnvironmentVariable("ConnectionStrings__Default", null);
        }
    }

    private static JsonDocument Write(MoniKitOptions service)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        return JsonDocument.Parse(Encoding.UTF8.GetString(EnvironmentReportJson.Write(service, time)));
    }
}
