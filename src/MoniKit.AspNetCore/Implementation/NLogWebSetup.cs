using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoniKit.Logging.Implementation;
using NLog;
using NLog.Web;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// Makes NLog.Web.AspNetCore's <c>${aspnet-*}</c> layout renderers available to the targets a team adds in its own NLog
/// configuration. Only then: the request's <c>IHttpContextAccessor</c> costs a little on every request.
/// </summary>
internal static class NLogWebSetup
{
    public static void AddTo(IHostApplicationBuilder builder)
    {
        if (!UserNLogConfiguration.Exists(builder.Configuration, builder.Environment.ContentRootPath))
        {
            return;
        }

        builder.Services.AddHttpContextAccessor();

        // Without a service provider of its own: the host's LogFactory already resolves the accessor from this host's
        // services, where NLog.Web.AspNetCore's process-wide fallback would serve only the last host built.
        builder.Services.AddSingleton(new LogFactorySetup(static (setup, _) => setup.SetupExtensions(e => e.RegisterNLogWeb())));
    }
}
