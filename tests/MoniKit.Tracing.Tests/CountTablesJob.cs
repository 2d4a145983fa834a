using System.Data.Common;
using MoniKit.Hosting;

namespace MoniKit.Tracing.Tests;

/// <summary>A job that runs one database command, so that its run has a child span.</summary>
public sealed class CountTablesJob(DbConnection connection) : IJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
