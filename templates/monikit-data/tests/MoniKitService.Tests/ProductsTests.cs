using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MoniKit.Testing;

namespace MoniKitService.Tests;

/// <summary>Runs the product endpoints against the database and keeps their log lines in the MoniKit schema.</summary>
[TestClass]
public sealed class ProductsTests
{
    [TestMethod]
    public async Task Products_CreateReadUpdateDelete_LogConformantDbQueryLinesWithoutValues()
    {
        LogCapture? capture = null;
        await using var factory = CreateFactory(services => capture = services.AddMoniKitLogCapture());
        using var client = factory.CreateClient();
        var name = "Tea " + Guid.NewGuid().ToString("N");

        using var created = await client.PostAsJsonAsync("/products", new { name, priceCents = 450 });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var read = await client.GetAsync($"/products/{id}");
        Assert.AreEqual(HttpStatusCode.OK, read.StatusCode);
        using var updated = await client.PutAsJsonAsync($"/products/{id}", new { name = name + " (green)", priceCents = 500 });
        Assert.AreEqual(HttpStatusCode.OK, updated.StatusCode);
        using var deleted = await client.DeleteAsync($"/products/{id}");
        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/products/{id}");
        Assert.AreEqual(HttpStatusCode.NotFound, gone.StatusCode);

        var insert = await capture!.WaitForLineAsync(l =>
            l.GetProperty("monikit.kind").GetString() == "db.query"
            && l.GetProperty("db.query.text").GetString()!.StartsWith("INSERT INTO products", StringComparison.Ordinal));
        Assert.IsTrue(insert.TryGetProperty("trace.id", out _), "A db.query line carries the request's trace id.");
        Assert.IsFalse(capture.Lines.Any(l => l.Contains(name, StringComparison.Ordinal)), "A parameter value was logged.");
        LogAssert.Conforms(capture);
    }

    [TestMethod]
    public async Task CreateProduct_WithoutName_ReturnsValidationProblem()
    {
        await using var factory = CreateFactory(_ => { });
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/products", new { priceCents = 100 });

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static WebApplicationFactory<Program> CreateFactory(Action<IServiceCollection> configureServices)
    {
#if (IsPostgres)
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Default")))
        {
            Assert.Inconclusive("Set ConnectionStrings__Default to a PostgreSQL database these tests may write to.");
        }

#endif
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
#if (!IsPostgres)
            // A database file of its own, so that tests never touch the service's data.
            web.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(Path.GetTempPath(), $"products-{Guid.NewGuid():N}.db")}");
#endif
            web.ConfigureServices(configureServices);
        });
    }
}
