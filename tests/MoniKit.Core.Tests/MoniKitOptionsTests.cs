using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Core.Tests;

[TestClass]
public sealed class MoniKitOptionsTests
{
    [TestMethod]
    public void GetMoniKitOptions_NoSettings_DefaultsFromHost()
    {
        var builder = CreateBuilder(new Dictionary<string, string?>());
        var options = builder.GetMoniKitOptions();
        Assert.AreEqual("my.orders-api", options.ServiceName);
        Assert.AreEqual("Staging", options.Environment);
        Assert.IsFalse(string.IsNullOrEmpty(options.ServiceVersion));
        Assert.AreSame(options, builder.GetMoniKitOptions());
    }

    [TestMethod]
    [DataRow("MoniKit:ServiceName", "Not Valid!")]
    [DataRow("MoniKit:ServiceVersion", "1.0\n2")]
    public void GetMoniKitOptions_InvalidSetting_ThrowsNamingTheKey(string key, string value)
    {
        var builder = CreateBuilder(new Dictionary<string, string?> { [key] = value });
        var exception = Assert.ThrowsExactly<MoniKitConfigurationException>(() => builder.GetMoniKitOptions());
        StringAssert.Contains(exception.Message, key);
    }

    private static HostApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "My.Orders API",
            EnvironmentName = "Staging",
            ContentRootPath = Path.GetTempPath(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
