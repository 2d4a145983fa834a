namespace MoniKit.AspNetCore.Tests;

/// <summary>
/// This project references MoniKit.Hosting as well, as a web API with jobs does: its generic
/// <c>AddMoniKit&lt;TBuilder&gt;</c> and MoniKit.AspNetCore's <c>AddMoniKit(WebApplicationBuilder)</c> are both in scope.
/// </summary>
[TestClass]
public sealed class AddMoniKitOverloadTests
{
    [TestMethod]
    public void AddMoniKit_WebApplicationBuilderWithHostingReferenced_WiresTheWebService()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["MoniKit:Logging:Directory"] = Path.Combine(Path.GetTempPath(), "monikit-overload-tests");
        builder.Configuration["MoniKit:Logging:Console"] = "None";

        // Compiles only while the call is unambiguous (CS0121 otherwise), and keeps the WebApplicationBuilder type.
        WebApplicationBuilder returned = builder.AddMoniKit();

        Assert.AreSame(builder, returned);
        Assert.IsTrue(builder.Services.Any(d => d.ServiceType.Name == "RequestCapture"), "The web wiring logs requests.");
        Assert.IsFalse(
            builder.Services.Any(d => d.ImplementationType?.Name == "ManagementListenerService"),
            "The worker's HttpListener must not be added to a web service, whose endpoints are on its own port.");
    }

    [TestMethod]
    public void AddMoniKit_HostApplicationBuilderWithAspNetCoreReferenced_WiresTheWorker()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration["MoniKit:Logging:Directory"] = Path.Combine(Path.GetTempPath(), "monikit-overload-tests");
        builder.Configuration["MoniKit:Logging:Console"] = "None";

        HostApplicationBuilder returned = builder.AddMoniKit();

        Assert.AreSame(builder, returned);
        Assert.IsTrue(builder.Services.Any(d => d.ImplementationType?.Name == "ManagementListenerService"));
    }
}
