using System.Net;

namespace MoniKit.AspNetCore.Tests.Management;

[TestClass]
public sealed class CardinalityTests
{
    [TestMethod]
    public async Task Metrics_TenThousandRandomPaths_AddAHandfulOfSeriesLabelledByTemplate()
    {
        await using var app = await ManagementWebApp.StartAsync();
        using (await app.GetAsync("/orders/warm-up", app.BaseAddress))
        using (await app.GetAsync("/warm-up-404", app.BaseAddress))
        {
        }

        var before = Series(await app.MetricsAsync());
        var paths = Enumerable.Range(0, 10_000)
            .Select(i => i % 2 == 0 ? "/orders/" + Guid.NewGuid().ToString("N") : "/" + Guid.NewGuid().ToString("N") + "/x")
            .ToArray();
        var statuses = new int[paths.Length];
        await Parallel.ForAsync(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            using var response = await app.Client.GetAsync(new Uri(app.BaseAddress, paths[i]), token);
            statuses[i] = (int)response.StatusCode;
        });
        var metrics = await app.MetricsAsync();
        var after = Series(metrics);

        Assert.AreEqual(5_000, statuses.Count(s => s == (int)HttpStatusCode.OK));
        Assert.AreEqual(5_000, statuses.Count(s => s == (int)HttpStatusCode.NotFound));
        var added = after.Except(before).ToList();
        Assert.IsLessThanOrEqualTo(10, added.Count, string.Join('\n', added));
        Assert.IsFalse(paths.Take(200).Any(p => metrics.Contains(p[1..33], StringComparison.Ordinal)), "a raw path reached a label");
        var orders = metrics.Split('\n').Single(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("http_route=\"/orders/{id}\"", StringComparison.Ordinal));
        StringAssert.EndsWith(orders, " 5001");
    }

    // A series is a sample line's name and labels; bucket lines of one histogram series count once.
    private static HashSet<string> Series(string exposition) =>
        exposition.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#' && !l.Contains("_bucket{", StringComparison.Ordinal) && !l.Contains("_sum{", StringComparison.Ordinal))
            .Select(l => l[..l.LastIndexOf(' ')])
            .ToHashSet();
}
