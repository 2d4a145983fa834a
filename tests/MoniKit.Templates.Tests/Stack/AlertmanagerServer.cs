namespace MoniKit.Templates.Tests.Stack;

/// <summary>Debian's Alertmanager, run on loopback with a given config file, clustering off.</summary>
public sealed class AlertmanagerServer : IAsyncDisposable
{
    private readonly BackgroundProgram _program;

    private AlertmanagerServer(BackgroundProgram program) => _program = program;

    public int Port => _program.Port;

    public string Output => _program.Output;

    public static async Task<AlertmanagerServer> StartAsync(string configFile)
    {
        await MonitoringPrograms.EnsureInstalledAsync();
        var program = await BackgroundProgram.StartAsync(
            MonitoringPrograms.Alertmanager,
            (port, data) =>
            [
                $"--config.file={configFile}",
                $"--storage.path={data}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--cluster.listen-address=",
            ],
            Path.GetDirectoryName(configFile)!);
        return new AlertmanagerServer(program);
    }

    public ValueTask DisposeAsync() => _program.DisposeAsync();
}
