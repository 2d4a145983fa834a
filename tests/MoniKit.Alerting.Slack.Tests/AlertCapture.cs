using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

/// <summary>
/// Logs through a real MoniKit logging pipeline (Microsoft.Extensions.Logging into NLog into the alert target) and
/// returns what the alert target captured, without starting the host or its sender.
/// </summary>
public sealed class AlertCapture : IDisposable
{
    private readonly IHost _host;

    public AlertCapture(IDictionary<string, string?>? settings = null)
    {
        Root = Directory.CreateTempSubdirectory("monikit-capture-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Root, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:ServiceName"] = TestService.ServiceName,
            ["MoniKit:Logging:Console"] = "None",
            ["MoniKit:Slack:QueueCapacity"] = "100000",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddMoniKitSlackAlerts();
        _host = builder.Build();
    }

    public string Root { get; }

    public ILogger Logger(string category) => _host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    internal IReadOnlyList<AlertEvent> Take()
    {
        var reader = _host.Services.GetRequiredService<AlertQueue>().Reader;
        var events = new List<AlertEvent>();
        while (reader.TryRead(out var alert))
        {
            events.Add(alert);
        }

        return events;
    }

    public void Dispose()
    {
        _host.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
