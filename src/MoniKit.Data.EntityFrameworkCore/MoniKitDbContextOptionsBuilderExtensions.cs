using System.Runtime.CompilerServices;
using MoniKit.Data.EntityFrameworkCore.Implementation;
using MoniKit.Data.Implementation;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds MoniKit's command monitoring to an EF Core context.</summary>
public static class MoniKitDbContextOptionsBuilderExtensions
{
    private static readonly ConditionalWeakTable<DbCommandMonitor, MoniKitCommandInterceptor> Interceptors = [];

    /// <summary>
    /// Writes one <c>db.query</c> log line and the database metrics for every command the context runs, with the
    /// same fields, levels and settings (<c>MoniKit:Data</c>) as the ADO.NET wrapper. Call it after the provider:
    /// <c>services.AddDbContext&lt;T&gt;((sp, o) =&gt; o.UseSqlite(cs).UseMoniKit(sp))</c>.
    /// </summary>
    /// <param name="optionsBuilder">The context's options builder.</param>
    /// <param name="services">The application's service provider, on whose host <c>AddMoniKitData()</c> was called.</param>
    /// <returns>The options builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddMoniKitData()</c> was not called.</exception>
    public static DbContextOptionsBuilder UseMoniKit(this DbContextOptionsBuilder optionsBuilder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(services);
        var monitor = DbCommandMonitor.From(services);
        return optionsBuilder.AddInterceptors(Interceptors.GetValue(monitor, static m => new MoniKitCommandInterceptor(m)));
    }

    /// <summary>
    /// Writes one <c>db.query</c> log line and the database metrics for every command the context runs.
    /// </summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="optionsBuilder">The context's options builder.</param>
    /// <param name="services">The application's service provider, on whose host <c>AddMoniKitData()</c> was called.</param>
    /// <returns>The options builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddMoniKitData()</c> was not called.</exception>
    public static DbContextOptionsBuilder<TContext> UseMoniKit<TContext>(this DbContextOptionsBuilder<TContext> optionsBuilder, IServiceProvider services)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)UseMoniKit((DbContextOptionsBuilder)optionsBuilder, services);
}
