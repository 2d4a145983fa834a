namespace MoniKit.TestInfrastructure;

/// <summary>How the Slack-like sink answers a request.</summary>
public enum SlackSinkBehavior
{
    /// <summary><c>200 ok</c>, as Slack answers a message it accepted.</summary>
    Ok,

    /// <summary><c>429</c> with <c>Retry-After</c>, as Slack answers a webhook posting too fast.</summary>
    TooManyRequests,

    /// <summary><c>500</c>: Slack is having trouble.</summary>
    ServerError,

    /// <summary><c>400 invalid_blocks</c>: Slack rejects the payload itself.</summary>
    BadRequest,

    /// <summary>The connection is held open and never answered, until the sink is disposed.</summary>
    Hang,
}
