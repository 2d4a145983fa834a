namespace MoniKit;

/// <summary>
/// Thrown at start-up when a MoniKit setting is missing or invalid. The message names every offending key,
/// such as <c>MoniKit:Slack:WebhookUrl must be an absolute https URL</c>.
/// </summary>
public sealed class MoniKitConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception from one or more failure messages.</summary>
    public MoniKitConfigurationException(IReadOnlyList<string> failures)
        : base("Invalid MoniKit configuration: " + string.Join("; ", failures)) => Failures = failures;

    /// <summary>Creates the exception from one failure message.</summary>
    public MoniKitConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception.</summary>
    public MoniKitConfigurationException()
        : this("unknown error")
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public MoniKitConfigurationException(string message, Exception innerException)
        : base("Invalid MoniKit configuration: " + message, innerException) => Failures = [message];

    /// <summary>Each failure, naming its configuration key.</summary>
    public IReadOnlyList<string> Failures { get; }
}
