using NLog.Config;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Runs on a host's <see cref="NLog.LogFactory"/> before the team's NLog configuration is loaded into it, so that the
/// extensions it names are known. MoniKit.AspNetCore registers one for NLog.Web.AspNetCore's <c>${aspnet-*}</c>
/// layout renderers.
/// </summary>
internal sealed class LogFactorySetup(Action<ISetupBuilder, IServiceProvider> apply)
{
    public void Apply(ISetupBuilder setup, IServiceProvider services) => apply(setup, services);
}
