using System.Diagnostics;

namespace MoniKit.Data.Implementation;

/// <summary>
/// The client span of one database command, after the OpenTelemetry database conventions: named
/// <c>{db.operation.name} {db.collection.name}</c>, carrying the sanitised statement the <c>db.query</c> line logs as
/// <c>db.query.text</c> and never a parameter value. Spans are made only while a tracer listens to
/// <c>MoniKit.Data</c> (MoniKit.Tracing with an OTLP endpoint), so without one a command costs nothing more.
/// While the command is reported, the span is the current activity, so the <c>db.query</c> line carries its ids.
/// </summary>
internal readonly struct DbCommandSpan : IDisposable
{
    private static readonly ActivitySource Source = new(DbCommandMonitor.MeterName);

    private readonly Activity? span;
    private readonly Activity? previous;

    /// <summary>Describes <paramref name="span"/> and makes it current until <see cref="Dispose"/> ends it.</summary>
    public DbCommandSpan(Activity? span, SqlStatementInfo statement, TimeSpan elapsed, Exception? exception, bool cancelled)
    {
        this.span = span;
        previous = Activity.Current;
        if (span is null)
        {
            return;
        }

        if (statement.Operation != SqlStatementParser.OtherOperation)
        {
            span.DisplayName = statement.Collection is null ? statement.Operation : statement.Operation + " " + statement.Collection;
        }

        span.SetTag(LogFields.DbOperation, statement.Operation);
        span.SetTag(LogFields.DbCollection, statement.Collection);
        span.SetTag(LogFields.DbQueryText, statement.Text);

        if (exception is not null || cancelled)
        {
            span.SetStatus(ActivityStatusCode.Error);
            span.SetTag("error.type", exception?.GetType().FullName ?? "cancelled");
        }

        span.SetEndTime(span.StartTimeUtc + elapsed);
        Activity.Current = span;
    }

    /// <summary>
    /// Starts the span of a command that started <paramref name="alreadyElapsed"/> ago, as a child of the current
    /// activity, and leaves the current activity as it was: the span ends when the command is reported, often after
    /// the caller's call has returned (a reader is read later), and must not parent what the caller does meanwhile.
    /// </summary>
    /// <param name="systemName">The <c>db.system.name</c>, and the span's name until the statement is known.</param>
    /// <param name="alreadyElapsed">How long the command has run.</param>
    public static Activity? Start(string systemName, TimeSpan alreadyElapsed)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var current = Activity.Current;
        var span = Source.StartActivity(systemName, ActivityKind.Client, parentContext: default, startTime: DateTimeOffset.UtcNow - alreadyElapsed);
        Activity.Current = current;
        span?.SetTag(LogFields.DbSystem, systemName);
        return span;
    }

    /// <summary>Ends the span and makes the activity that was current before current again.</summary>
    public void Dispose()
    {
        if (span is null)
        {
            return;
        }

        span.Stop();
        Activity.Current = previous;
    }
}
