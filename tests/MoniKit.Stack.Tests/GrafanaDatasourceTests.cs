using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace MoniKit.Stack.Tests;

/// <summary>
/// Grafana's provisioned data sources: every link between metrics, logs and traces points at a provisioned uid and a
/// real address, and the patterns that read trace ids and error fields match the lines MoniKit really writes.
/// </summary>
[TestClass]
public sealed partial class GrafanaDatasourceTests
{
    private static string Provisioning => File.ReadAllText(Path.Combine(StackContent.Monitoring, "grafana", "provisioning", "datasources", "monikit.yml"));

    [TestMethod]
    public void Provisioning_EveryLinkedDatasourceUid_IsProvisioned()
    {
        var provisioned = ProvisionedUid().Matches(Provisioning).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var linked = LinkedUid().Matches(Provisioning).Select(m => m.Groups[1].Value).ToList();

        CollectionAssert.AreEquivalent(new[] { "monikit-prometheus", "monikit-loki", "monikit-alertmanager", "monikit-tempo" }, provisioned.ToList());
        Assert.IsGreaterThanOrEqualTo(5, linked.Count, "exemplars, derived fields and traces-to-logs link by uid");
        foreach (var uid in linked)
        {
            Assert.Contains(uid, provisioned, $"datasourceUid {uid} is provisioned");
        }
    }

    [TestMethod]
    public void Provisioning_TempoAddresses_MatchTheComposeServiceAndTempoConfig()
    {
        var tempo = File.ReadAllText(Path.Combine(StackContent.Monitoring, "tempo", "tempo.yml"));
        var traces = File.ReadAllText(Path.Combine(StackContent.Monitoring, "profiles", "traces.env"));
        var compose = File.ReadAllText(Path.Combine(StackContent.Stack, "docker-compose.yml"));

        StringAssert.Contains(Provisioning, "url: http://tempo:3200");
        StringAssert.Contains(tempo, "http_listen_port: 3200");
        StringAssert.Contains(traces, "OTEL_EXPORTER_OTLP_ENDPOINT=http://tempo:4318");
        StringAssert.Contains(traces, "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
        StringAssert.Contains(tempo, "endpoint: 0.0.0.0:4318", "Tempo listens for OTLP/HTTP where the services send it");
        StringAssert.Contains(compose, "\n  tempo:\n", "the compose service is named tempo");
    }

    [TestMethod]
    public void Provisioning_ExemplarLink_OpensTheTraceLinesOfTheErrorsDashboard()
    {
        var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(StackContent.Monitoring, "grafana", "dashboards", "errors-and-logs.json"))).RootElement;
        var variables = dashboard.GetProperty("templating").GetProperty("list").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();

        StringAssert.Contains(Provisioning, "exemplarTraceIdDestinations:\n        - name: trace_id\n", "OpenTelemetry exemplars carry the label trace_id");
        StringAssert.Contains(Provisioning, $"url: /d/{dashboard.GetProperty("uid").GetString()}/?var-trace_id=$${{__value.raw}}");
        Assert.Contains("trace_id", variables);
    }

    [TestMethod]
    public async Task TempoDerivedField_RealLogLines_CapturesTheTraceIdOfEachLine()
    {
        var regex = new Regex(TempoFieldPattern().Match(Provisioning).Groups[1].Value.Replace("''", "'", StringComparison.Ordinal));
        Assert.AreNotEqual("", regex.ToString(), "the TraceInTempo derived field has a regex");

        var traced = (await WriteLinesInATraceAsync()).Where(l => l.Contains(LogFields.TraceId, StringComparison.Ordinal)).ToList();

        Assert.HasCount(2, traced, "MoniKit writes trace.id on the lines logged inside the activity");
        foreach (var line in traced)
        {
            using var json = JsonDocument.Parse(line);
            var match = regex.Match(line);
            Assert.IsTrue(match.Success, $"the derived field finds the trace id in {line}");
            Assert.AreEqual(json.RootElement.GetProperty(LogFields.TraceId).GetString(), match.Groups[1].Value);
        }
    }

    [TestMethod]
    public async Task ErrorGroupsTable_Queries_ReadTheFieldsOfARealExceptionLine()
    {
        var dashboard = File.ReadAllText(Path.Combine(StackContent.Monitoring, "grafana", "dashboards", "errors-and-logs.json"));
        var exception = (await WriteLinesInATraceAsync()).Single(l => l.Contains("\"error.type\"", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(exception);

        // LogQL's `| json` names each top-level field after it, with the dots as underscores.
        foreach (var field in new[] { LogFields.ErrorGroupingKey, LogFields.ErrorType, LogFields.ErrorMessage })
        {
            StringAssert.Contains(dashboard, field.Replace('.', '_'), $"the error groups table reads {field}");
        }

        Assert.AreEqual("System.InvalidOperationException", json.RootElement.GetProperty(LogFields.ErrorType).GetString());
        Assert.AreEqual("Payment 42 was declined", json.RootElement.GetProperty(LogFields.ErrorMessage).GetString());
        Assert.IsTrue(json.RootElement.TryGetProperty(LogFields.TraceId, out _), "the latest trace link needs the line's trace id");
        StringAssert.Contains(dashboard, "\"title\": \"Error groups\"");
    }

    /// <summary>The main-file lines of a real host that logs one line and one exception inside a sampled activity.</summary>
    private static async Task<string[]> WriteLinesInATraceAsync()
    {
        var directory = StackContent.NewTemporaryDirectory("lines");
        try
        {
            using var source = new ActivitySource("MoniKit.Stack.Tests");
            using var listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == source.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(listener);
            await LoggingHost.RunAsync("orders", directory, logger =>
            {
                using (source.StartActivity("checkout"))
                {
                    LogStep(logger, 1);
                    LogFailure(logger, new InvalidOperationException("Payment 42 was declined"), 1);
                }

                return Task.CompletedTask;
            });
            return File.ReadAllLines(Path.Combine(directory, "orders.json"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout step {Step} done")]
    private static partial void LogStep(ILogger logger, int step);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkout {Step} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, int step);

    [GeneratedRegex(@"^\s+uid: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex ProvisionedUid();

    [GeneratedRegex(@"datasourceUid: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex LinkedUid();

    [GeneratedRegex(@"name: TraceInTempo\s+matcherType: regex\s+matcherRegex: '((?:[^']|'')*)'")]
    private static partial Regex TempoFieldPattern();
}
