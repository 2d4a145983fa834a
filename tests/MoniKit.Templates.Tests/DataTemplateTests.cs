using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MoniKit.Templates.Tests.Infrastructure;
using MoniKit.Testing;

namespace MoniKit.Templates.Tests;

[TestClass]
public sealed class DataTemplateTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";

    [TestMethod]
    public async Task Data_Sqlite_CrudWorksAndLogsTracedQueriesWithoutValues()
    {
        var project = await GeneratedProject.CreateAsync("monikit-data", "Catalog");
        StringAssert.Contains(project.Read("src/Catalog/Catalog.csproj"), "Microsoft.Data.Sqlite");
        Assert.IsFalse(project.Read("src/Catalog/Catalog.csproj").Contains("Npgsql", StringComparison.Ordinal));
        StringAssert.Contains(project.Read("src/Catalog/Database.cs"), "SqliteConnection");
        Assert.IsFalse(project.Exists("src/Catalog/Database.Postgres.cs"));
        var build = await project.BuildAsync();
        Assert.IsFalse(build.Contains("NU1603", StringComparison.Ordinal), build);

        await using (var service = await project.StartAsync())
        {
            var value = "Darjeeling-" + Guid.NewGuid().ToString("N");
            await CrudAsync(service, value);
            await service.StopAsync();

            var files = LogLines.FromFiles(service.LogDirectory);
            AssertQueriesTracedAndConformant(service, files, value, "sqlite");
            var queries = DbQueries(files);
            Assert.IsTrue(queries.All(q => q.Get("log.level") == "info"), string.Join('\n', queries));
        }

        // The documented switch: with the slow threshold at 0 every command is logged at Warn.
        Directory.Delete(Path.Combine(project.ServiceDirectory, "logs"), recursive: true);
        await using (var slow = await project.StartAsync(new Dictionary<string, string?> { ["MoniKit__Data__SlowQueryThresholdMs"] = "0" }))
        {
            using var list = await slow.Client.GetAsync("/products");
            Assert.AreEqual(HttpStatusCode.OK, list.StatusCode);
            await slow.StopAsync();
            var queries = DbQueries(LogLines.FromFiles(slow.LogDirectory));
            Assert.IsGreaterThanOrEqualTo(2, queries.Count);
            Assert.IsTrue(queries.All(q => q.Get("log.level") == "warn"), string.Join('\n', queries));
        }

        StringAssert.Contains(await project.TestAsync(), "Passed!");
        Assert.IsTrue(project.Exists("docker-compose.yml"), "a default data service comes with the monitoring stack");
    }

    [TestMethod]
    [DataRow("--tests", "false", "--compose", "false")]
    [DataRow("--service-name", "catalog-api", "--slack-channel", "#catalog-alerts", "--http-port", "5098")]
    public async Task Data_OptionRow_BuildsAndHonoursOptions(params string[] options)
    {
        var project = await GeneratedProject.CreateAsync("monikit-data", "Shelf", options);
        var withTests = !options.Contains("--tests");
        var withCompose = !options.Contains("--compose");
        Assert.AreEqual(withTests, project.Exists("tests/Shelf.Tests/Shelf.Tests.csproj"));
        Assert.AreEqual(withTests, project.Read("Shelf.slnx").Contains("Shelf.Tests", StringComparison.Ordinal));
        Assert.IsFalse(project.Files().Any(f => f.Contains("MoniKitService", StringComparison.Ordinal) || f.Contains("Postgres", StringComparison.Ordinal)), string.Join('\n', project.Files()));
        await project.BuildAsync();

        var settings = JsonDocument.Parse(project.Read("src/Shelf/appsettings.json"), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement.GetProperty("MoniKit");
        if (options.Contains("--service-name"))
        {
            Assert.AreEqual("catalog-api", settings.GetProperty("ServiceName").GetString());
            Assert.AreEqual("#catalog-alerts", settings.GetProperty("Slack").GetProperty("Channel").GetString());
            StringAssert.Contains(project.Read("src/Shelf/Properties/launchSettings.json"), "http://localhost:5098");
        }
        else
        {
            Assert.AreEqual("shelf", settings.GetProperty("ServiceName").GetString());
            Assert.IsFalse(settings.TryGetProperty("Slack", out _));
        }

        await using var service = await project.StartAsync();
        using var response = await service.Client.GetAsync("/products");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(withCompose, project.Exists("docker-compose.yml"));
        Assert.AreEqual(withCompose, project.Exists("monitoring"));
    }

    [TestMethod]
    public async Task Data_Postgres_CrudWorksAgainstARealServer()
    {
        var project = await GeneratedProject.CreateAsync("monikit-data", "Inventory", "--database", "postgres");
        var csproj = project.Read("src/Inventory/Inventory.csproj");
        StringAssert.Contains(csproj, "Npgsql");
        Assert.IsFalse(csproj.Contains("Sqlite", StringComparison.OrdinalIgnoreCase), csproj);
        StringAssert.Contains(project.Read("src/Inventory/Database.cs"), "NpgsqlConnection");
        Assert.IsFalse(project.Exists("src/Inventory/Database.Postgres.cs"));
        Assert.IsFalse(project.Read("src/Inventory/appsettings.json").Contains("Password=", StringComparison.Ordinal));
        await project.BuildAsync();

        await using var postgres = await PostgresServer.StartAsync();
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Default"] = postgres.ConnectionString };
        await using (var service = await project.StartAsync(environment))
        {
            var value = "Oolong-" + Guid.NewGuid().ToString("N");
            await CrudAsync(service, value);
            await service.StopAsync();
            AssertQueriesTracedAndConformant(service, LogLines.FromFiles(service.LogDirectory), value, "postgresql");
        }

        // The generated tests read the connection string from the environment, as a CI job would set it.
        Environment.SetEnvironmentVariable("ConnectionStrings__Default", postgres.ConnectionString);
        try
        {
            var output = await project.TestAsync();
            StringAssert.Contains(output, "Passed!");
            StringAssert.Contains(output, "Skipped:     0");
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Default", null);
        }

        var compose = project.Read("docker-compose.yml");
        StringAssert.Contains(compose, "image: postgres:");
        StringAssert.Contains(compose, "ConnectionStrings__Default");
    }

    [TestMethod]
    public async Task Data_Help_DescribesEveryOption()
    {
        await TemplatePack.EnsureInstalledAsync();
        var help = await TemplatePack.DotnetNewAsync(TemplatePack.WorkRoot, "monikit-data", "--help");
        Assert.AreEqual(0, help.ExitCode, help.Output);
        foreach (var option in new[] { "--service-name", "--database", "sqlite", "postgres", "--http-port", "--slack-channel", "--tests", "--compose", "--package-source", "--no-restore" })
        {
            StringAssert.Contains(help.Output, option);
        }
    }

    private static async Task CrudAsync(RunningService service, string value)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/products") { Content = JsonContent.Create(new { name = value, priceCents = 1250 }) };
        create.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        using var created = await service.Client.SendAsync(create);
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var product = await service.Client.GetFromJsonAsync<JsonElement>($"/products/{id}");
        Assert.AreEqual(value, product.GetProperty("name").GetString());
        Assert.AreEqual(1250, product.GetProperty("priceCents").GetInt64());
        using var updated = await service.Client.PutAsJsonAsync($"/products/{id}", new { name = value + "-v2", priceCents = 1300 });
        Assert.AreEqual(HttpStatusCode.OK, updated.StatusCode);
        var all = await service.Client.GetFromJsonAsync<JsonElement>("/products");
        Assert.IsTrue(all.EnumerateArray().Any(p => p.GetProperty("id").GetInt64() == id));
        using var invalid = await service.Client.PostAsJsonAsync("/products", new { name = "", priceCents = -1 });
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var deleted = await service.Client.DeleteAsync($"/products/{id}");
        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await service.Client.GetAsync($"/products/{id}");
        Assert.AreEqual(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static List<JsonElement> DbQueries(IReadOnlyList<string> files) =>
        LogLines.ParseAll(files, "log files").Where(l => l.Get("monikit.kind") == "db.query").ToList();

    private static void AssertQueriesTracedAndConformant(RunningService service, IReadOnlyList<string> files, string value, string system)
    {
        Assert.IsTrue(files.Count > 0, "The service wrote no log files");
        LogAssert.Conforms(files);
        LogAssert.Conforms(service.OutputLines);
        var all = service.OutputLines.Concat(files).ToList();
        Assert.IsFalse(all.Any(l => l.Contains(value, StringComparison.Ordinal)), "A parameter value was logged:\n" + string.Join('\n', all.Where(l => l.Contains(value, StringComparison.Ordinal))));

        var queries = DbQueries(files);
        Assert.IsTrue(queries.All(q => q.Get("db.system.name") == system), string.Join('\n', queries));
        var insert = queries.Single(q => q.Get("db.query.text")!.StartsWith("INSERT INTO products", StringComparison.Ordinal));
        Assert.AreEqual(TraceId, insert.Get("trace.id"));
        StringAssert.Contains(insert.Get("db.query.text"), "@Name");
        var inbound = LogLines.ParseAll(files, "log files").Single(l => l.Get("monikit.kind") == "http.inbound" && l.Get("http.request.method") == "POST" && l.Get("http.response.status_code") == "201");
        Assert.AreEqual(TraceId, inbound.Get("trace.id"));
        foreach (var operation in new[] { "SELECT", "UPDATE", "DELETE" })
        {
            Assert.IsTrue(queries.Any(q => q.Get("db.query.text")!.StartsWith(operation, StringComparison.Ordinal)), $"no {operation} line");
        }
    }
}
