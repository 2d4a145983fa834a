using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Implementation;

/// <summary>
/// Every options type <c>AddMoniKitOptions</c> bound on one host builder, with its section: what the packages of
/// this service read, so that a key none of them reads can be named at start-up.
/// </summary>
internal sealed class BoundMoniKitOptions
{
    private readonly List<(string? Section, Type Options)> _bound = [];

    public IReadOnlyList<(string? Section, Type Options)> Bound => _bound;

    /// <summary>The builder's registry, created, registered and given its start-up check on first use.</summary>
    public static BoundMoniKitOptions Of(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(BoundMoniKitOptions), out var existing) && existing is BoundMoniKitOptions found)
        {
            return found;
        }

        var created = new BoundMoniKitOptions();
        builder.Properties[typeof(BoundMoniKitOptions)] = created;
        builder.Services.AddSingleton(created);
        builder.Services.AddHostedService<UnusedConfigurationKeysService>();
        return created;
    }

    public void Add(string? section, Type options)
    {
        if (!_bound.Contains((section, options)))
        {
            _bound.Add((section, options));
        }
    }
}
