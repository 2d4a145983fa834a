namespace MoniKit.AspNetCore.Tests.Management;

/// <summary>Runs Prometheus' <c>promtool</c>, installing Debian's <c>prometheus</c> package first where it is missing.</summary>
internal static class Promtool
{
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        var promtool = await DebianPrograms.RequireAsync("promtool", "prometheus");
        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], input: exposition);
        return (result.ExitCode, result.Output);
    }
}
