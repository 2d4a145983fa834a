using System.Diagnostics;
using System.Text.Json;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>Debian's Prometheus, run on loopback with a given config file, and its query API.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly BackgroundProgram _program;

    private PrometheusServer(BackgroundProgram program) => _program = program;

    public Uri BaseAddress => _program.BaseAddress;

    public string Output => _program.Output;

    /// <param name="configFile">The configuration file.</param>
    /// <param name="extraArguments">More flags, such as <c>--enable-feature=exemplar-storage</c>.</param>
    public static async Task<PrometheusServer> StartAsync(string configFile, params string[] extraArguments)
    {
        await MonitoringPrograms.EnsureInstalledAsync();
        var program = await BackgroundProgram.StartAsync(
            MonitoringPrograms.Prometheus,
            (port, data) =>
            [
                $"--config.file={configFile}",
                $"--storage.tsdb.path={data}",
                $"--web.listen-address=127.0.0.1:{port}",
                .. extraArguments,
            ],
            Path.GetDirectoryName(configFile)!);
        return new PrometheusServer(program);
    }

    /// <summary>Evaluates an instant query through <c>/api/v1/query</c>.</summary>
    public async Task<PromQueryResult> QueryAsync(string expression)
    {
        using var form = new FormUrlEncodedContent([new("query", expression)]);
        using var response = await _program.Client.PostAsync("/api/v1/query", form);
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            return new PromQueryResult(expression, $"{root.GetProperty("errorType").GetString()}: {root.GetProperty("error").GetString()}", []);
        }

        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        var samples = data.GetProperty("resultType").GetString() switch
        {
            "vector" => result.EnumerateArray().Select(ToSample).ToList(),
            "matrix" => result.EnumerateArray().Select(s => new PromSample(Labels(s), Value(s.GetProperty("values").EnumerateArray().Last()))).ToList(),
            _ => [new PromSample(new Dictionary<string, string>(), Value(result))],
        };
        return new PromQueryResult(expression, null, samples);
    }

    /// <summary>Queries until <paramref name="done"/> holds or the time is up; returns the last result.</summary>
    public async Task<PromQueryResult> QueryUntilAsync(string expression, Func<PromQueryResult, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await QueryAsync(expression);
            if (done(result) || clock.Elapsed > timeout)
            {
                return result;
            }

            await Task.Delay(500);
        }
    }

    public ValueTask DisposeAsync() => _program.DisposeAsync();

    private static PromSample ToSample(JsonElement sample) => new(Labels(sample), Value(sample.GetProperty("value")));

    private static Dictionary<string, string> Labels(JsonElement sample) =>
        sample.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);

    // A sample is [timestamp, "value"]; the value is a string so that NaN and Inf survive JSON.
    private static double Value(JsonElement pair) => pair[1].GetString() switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        var text => double.Parse(text!, System.Globalization.CultureInfo.InvariantCulture),
    };
}
