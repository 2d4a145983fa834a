namespace MoniKit.Data.Implementation;

/// <summary>
/// What a command reports about rows: those it returned (OpenTelemetry's <c>db.response.returned_rows</c>) and those
/// it changed (<c>monikit.db.affected_rows</c>); a negative or absent count is not written.
/// </summary>
internal readonly record struct DbRowCounts(long? Returned, long? Affected);
