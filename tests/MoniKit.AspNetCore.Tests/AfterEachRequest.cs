namespace MoniKit.AspNetCore.Tests;

/// <summary>
/// Runs an action once a request has left the whole pipeline, MoniKit's request line included, so a test can wait
/// for that moment instead of sleeping.
/// </summary>
internal sealed class AfterEachRequest(Action<HttpContext> done) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            try
            {
                await inner(context);
            }
            finally
            {
                done(context);
            }
        });
        next(app);
    };
}
