using MoniKit.AspNetCore.Management;

namespace MoniKit.AspNetCore.Tests.Management;

[TestClass]
public sealed class ManagementAddressesTests
{
    [TestMethod]
    [DataRow(null, "http://127.0.0.1:5080", "http://127.0.0.1:9464")]
    [DataRow(null, "http://localhost:5080;https://localhost:5081", "http://localhost:9464")]
    [DataRow(null, "http://*:8080", "http://*:9464")]
    [DataRow(null, "http://+:80", "http://+:9464")]
    [DataRow(null, "http://[::1]:5080", "http://[::1]:9464")]
    [DataRow(null, "http://10.0.0.5:80;http://127.0.0.1:80", "http://10.0.0.5:9464 http://127.0.0.1:9464")]
    [DataRow(null, "", "http://localhost:9464")]
    [DataRow(null, "http://unix:/run/app.sock", "http://localhost:9464")]
    [DataRow("*", "http://127.0.0.1:5080", "http://*:9464")]
    [DataRow("::1", "http://127.0.0.1:5080", "http://[::1]:9464")]
    [DataRow("127.0.0.1", "http://*:8080", "http://127.0.0.1:9464")]
    public void For_HostAndApplicationAddresses_ManagementUrls(string? host, string application, string expected)
    {
        var urls = ManagementAddresses.For(host, 9464, application.Split(';', StringSplitOptions.RemoveEmptyEntries));

        Assert.AreEqual(expected, string.Join(' ', urls));
    }

    [TestMethod]
    public void For_PortOfTheApplication_FailsNamingTheKey()
    {
        var error = Assert.ThrowsExactly<MoniKitConfigurationException>(() => ManagementAddresses.For(null, 8080, ["http://*:8080"]));

        Assert.AreEqual("MoniKit:Management:Port 8080 is also the application's own port (http://*:8080); choose another port for the management endpoints", error.Failures[0]);
    }
}
