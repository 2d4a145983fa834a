using Microsoft.Extensions.DependencyInjection;
using MoniKit;

namespace Microsoft.Extensions.Hosting;

/// <summary>Builds the host's redaction policy once, from <c>MoniKit:Redaction</c>, for every MoniKit package.</summary>
internal static class RedactionHostApplicationBuilderExtensions
{
    /// <summary>
    /// Returns this host's <see cref="RedactionPolicy"/>: the built-in rules plus <c>MoniKit:Redaction</c>
    /// (<see cref="MoniKitRedactionOptions"/>), validated. Registers it in the container as a singleton. Repeated calls
    /// return the same instance.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Code-level settings, applied after configuration on the first call only.</param>
    /// <exception cref="MoniKitConfigurationException">A <c>MoniKit:Redaction</c> setting is invalid.</exception>
    public static RedactionPolicy GetMoniKitRedactionPolicy(this IHostApplicationBuilder builder, Action<MoniKitRedactionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.TryGetValue(typeof(RedactionPolicy), out var existing) && existing is RedactionPolicy cached)
        {
            return cached;
        }

        var options = builder.AddMoniKitOptions(MoniKitRedactionOptions.SectionName, static (MoniKitRedactionOptions o) => o.Validate(), configure);
        var policy = options.SensitiveNames.Count == 0 && options.AllowedNames.Count == 0 ? RedactionPolicy.Default : new RedactionPolicy(options);
        builder.Properties[typeof(RedactionPolicy)] = policy;
        builder.Services.AddSingleton(policy);
        return policy;
    }
}
