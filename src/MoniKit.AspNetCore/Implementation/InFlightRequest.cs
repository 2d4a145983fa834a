using Microsoft.AspNetCore.Http;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// A request the middleware is working on, kept so that one still running when the host has stopped (its code
/// ignored the abort at the shutdown timeout) is logged then. Whoever logs it first claims it, so it has one line.
/// </summary>
internal sealed class InFlightRequest(HttpContext context, long start, string? body)
{
    private int _claimed;

    public HttpContext Context => context;

    public long Start => start;

    public string? Body => body;

    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;
}
