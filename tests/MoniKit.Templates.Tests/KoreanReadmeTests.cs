using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests;

/// <summary>
/// Every generated service carries README.ko.md, written once in content/service and staged into each service
/// template: its endpoints, logs and alerts, in the generated names and ports, for the options chosen.
/// </summary>
[TestClass]
public sealed class KoreanReadmeTests
{
    [TestMethod]
    [DataRow("monikit-webapi", new[] { "--http-port", "5123" }, new[] { "http://localhost:5123", "/orders/{id}", "/demo/failure", "HighErrorRatio" }, new[] { "9464", "/products", "cleanup" })]
    [DataRow("monikit-worker", new[] { "--metrics-port", "9555" }, new[] { "http://localhost:9555/metrics", "cleanup", "JobFailing", "job" }, new[] { "5080", "/orders/{id}", "/demo/failure", "/products" })]
    [DataRow("monikit-data", new[] { "--http-port", "5124" }, new[] { "http://localhost:5124/products", "data/orders.db", "db.query", "\"db.system.name\":\"sqlite\"", "SlowQueries" }, new[] { "9464", "/orders/{id}", "PostgreSQL 연결 문자열" })]
    [DataRow("monikit-data", new[] { "--database", "postgres", "--compose", "false" }, new[] { "PostgreSQL 연결 문자열", "\"db.system.name\":\"postgresql\"" }, new[] { "data/orders.db", "docker-compose up", "## 모니터링 스택", "\"db.system.name\":\"sqlite\"" })]
    public async Task New_ServiceTemplate_WritesAKoreanReadmeForItsOptions(string template, string[] options, string[] present, string[] absent)
    {
        var project = await GeneratedProject.CreateAsync(template, "Orders", options);

        Assert.IsTrue(project.Exists("README.ko.md"), $"{template} wrote no README.ko.md");
        var korean = project.Read("README.ko.md");
        StringAssert.StartsWith(korean, "# Orders\n");
        foreach (var text in new[] { "## 엔드포인트", "## 로그", "## 알림", "logs/orders.json", "logs/orders.error.json", "logs/alerts.json", "/metrics", "/health", "trace.id", "MoniKit:Slack:WebhookUrl", "src/Orders" }.Concat(present))
        {
            StringAssert.Contains(korean, text, $"{template} {string.Join(' ', options)}");
        }

        foreach (var text in new[] { "<!--#", "monikit-service", "MoniKitService" }.Concat(absent))
        {
            Assert.IsFalse(korean.Contains(text, StringComparison.Ordinal), $"{template} {string.Join(' ', options)}: README.ko.md has '{text}'");
        }

        StringAssert.Contains(project.Read("README.md"), "[한국어](README.ko.md)");
    }

    [TestMethod]
    public async Task New_StackTemplate_WritesNoServiceReadme()
    {
        await TemplatePack.EnsureInstalledAsync();
        var directory = Path.Combine(TemplatePack.WorkRoot, "projects", $"stack-readme-{Guid.NewGuid():N}"[..32]);

        var result = await TemplatePack.DotnetNewAsync(TemplatePack.WorkRoot, "monikit-stack", "-n", "Monitoring", "-o", directory);

        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.IsTrue(File.Exists(Path.Combine(directory, "docker-compose.yml")), result.Output);
        Assert.IsFalse(File.Exists(Path.Combine(directory, "README.ko.md")), "the stack generates no service to describe");
    }
}
