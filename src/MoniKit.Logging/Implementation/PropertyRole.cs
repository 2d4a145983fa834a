namespace MoniKit.Logging.Implementation;

/// <summary>What the layout does with a structured property, decided by its name alone.</summary>
internal enum PropertyRole
{
    /// <summary>Written at the top level under its own name: a schema field an event sets, or a name of the service's own.</summary>
    TopLevel,

    /// <summary>Moved under <c>labels.</c> or <c>monikit.values.</c>: its root is ECS's or MoniKit's.</summary>
    Moved,

    /// <summary><c>monikit.kind</c>: sets the kind of the line when it names a known kind.</summary>
    Kind,

    /// <summary>The number of a Microsoft.Extensions.Logging event id, written as <c>event.action</c>.</summary>
    EventId,

    /// <summary>The name of a Microsoft.Extensions.Logging event id, written as <c>event.action</c>.</summary>
    EventName,

    /// <summary>The message template, already rendered into <c>message</c>.</summary>
    Template,
}
