using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class MoniKitDataOptionsTests
{
    [TestMethod]
    [DataRow("MoniKit:Data:SlowQueryThresholdMs", "-1", "MoniKit:Data:SlowQueryThresholdMs must be 0 or more")]
    [DataRow("MoniKit:Data:CriticalQueryThresholdMs", "-5", "MoniKit:Data:CriticalQueryThresholdMs must be 0 or more")]
    [DataRow("MoniKit:Data:CriticalQueryThresholdMs", "500", "MoniKit:Data:CriticalQueryThresholdMs must be at least MoniKit:Data:SlowQueryThresholdMs")]
    [DataRow("MoniKit:Data:MaxQueryTextLength", "0", "MoniKit:Data:MaxQueryTextLength must be 1 or more")]
    [DataRow("MoniKit:Data:SlowQueryThresholdMs", "fast", "MoniKit:Data:SlowQueryThresholdMs")]
    public void AddMoniKitData_InvalidSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        var error = Assert.ThrowsExactly<MoniKitConfigurationException>(() => TestHost.Start(new() { [key] = value }).Dispose());

        Assert.Contains(expected, error.Message);
    }

    [TestMethod]
    public void AddMoniKitData_NoSettings_UsesDocumentedDefaults()
    {
        using var host = TestHost.Start();

        var options = host.Get<MoniKitDataOptions>();

        Assert.IsFalse(options.LogParameters);
        Assert.AreEqual(1000, options.SlowQueryThresholdMs);
        Assert.AreEqual(5000, options.CriticalQueryThresholdMs);
        Assert.AreEqual(4000, options.MaxQueryTextLength);
    }

    [TestMethod]
    public void AddMoniKitData_CalledTwice_RegistersOneMonitor()
    {
        using var host = TestHost.Start(configure: b => b.AddMoniKitData().AddMoniKitData(o => o.SlowQueryThresholdMs = 1));

        Assert.AreEqual(1000, host.Get<MoniKitDataOptions>().SlowQueryThresholdMs);
        Assert.HasCount(1, host.Services.GetServices<Implementation.DbCommandMonitor>());
    }
}
