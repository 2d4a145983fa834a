using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Core.Tests;

[TestClass]
public sealed class RedactionPolicyTests
{
    [TestMethod]
    [DataRow("password")]
    [DataRow("PASSWORD")]
    [DataRow("Pass_Word")]
    [DataRow("pass-word")]
    [DataRow("pass word")]
    [DataRow("pass\u200Bword")]
    [DataRow("ｐａｓｓｗｏｒｄ")]
    [DataRow("connection_string")]
    [DataRow("ConnectionStrings:Default")]
    [DataRow("x-api-key")]
    [DataRow("client.secret")]
    [DataRow("refreshToken")]
    [DataRow("SlackWebhookUrl")]
    [DataRow("user.credentials")]
    [DataRow("pin")]
    [DataRow("userPin")]
    [DataRow("PIN_CODE")]
    [DataRow("PINCode")]
    [DataRow("otp")]
    [DataRow("cvv")]
    [DataRow("pass")]
    public void IsSensitiveName_SecretWrittenAnyWay_True(string name) =>
        Assert.IsTrue(RedactionPolicy.Default.IsSensitiveName(name), name);

    [TestMethod]
    [DataRow("OrderId")]
    [DataRow("user")]
    [DataRow("CacheKey")]
    [DataRow("cache_key")]
    [DataRow("SortKey")]
    [DataRow("keyword")]
    [DataRow("token_type")]
    [DataRow("error.grouping_key")]
    [DataRow("shipping")]
    [DataRow("mapping")]
    [DataRow("bypass")]
    [DataRow("options")]
    [DataRow("")]
    public void IsSensitiveName_HarmlessName_False(string name) =>
        Assert.IsFalse(RedactionPolicy.Default.IsSensitiveName(name), name);

    [TestMethod]
    [DataRow("pass%77ord")]
    [DataRow("pass%2577ord")]
    [DataRow("pass+word")]
    [DataRow("api%5Fkey")]
    [DataRow("%70%61%73%73%77%6F%72%64")]
    public void IsSensitiveEncodedName_EncodedSecretName_True(string name) =>
        Assert.IsTrue(RedactionPolicy.Default.IsSensitiveEncodedName(name), name);

    [TestMethod]
    [DataRow("Authorization")]
    [DataRow("proxy-authorization")]
    [DataRow("X-Csrf-Token")]
    [DataRow("X-Amz-Security-Token")]
    [DataRow("X-Goog-Api-Key")]
    [DataRow("Ocp-Apim-Subscription-Key")]
    public void IsSensitiveHeader_SecretHeader_True(string name) => Assert.IsTrue(RedactionPolicy.Default.IsSensitiveHeader(name));

    [TestMethod]
    public void RedactHeader_SecretHeader_Masked() =>
        Assert.AreEqual(Redaction.Mask, RedactionPolicy.Default.RedactHeader("Authorization", "Bearer abc"));

    [TestMethod]
    public void Options_ExtraSensitiveName_MasksItAsAPartOfAnyName()
    {
        var policy = Policy(sensitive: ["iban"]);

        Assert.IsTrue(policy.IsSensitiveName("payerIban"));
        Assert.IsTrue(policy.IsSensitiveName("IBAN_NUMBER"));
        Assert.IsTrue(policy.IsSensitiveHeader("X-Iban"));
        Assert.AreEqual("iban=[REDACTED]&page=1", policy.RedactQuery("iban=DE89370400440532013000&page=1"));
        Assert.IsFalse(RedactionPolicy.Default.IsSensitiveName("payerIban"), "the default policy is not changed");
    }

    [TestMethod]
    public void Options_AllowedName_IsNotMaskedButItsNeighboursAre()
    {
        var policy = Policy(allowed: ["IdempotencyKey"]);

        Assert.IsFalse(policy.IsSensitiveName("IdempotencyKey"));
        Assert.IsFalse(policy.IsSensitiveName("idempotency_key"));
        Assert.IsTrue(policy.IsSensitiveName("IdempotencyKeySecret"));
        Assert.IsTrue(RedactionPolicy.Default.IsSensitiveName("IdempotencyKey"));
    }

    [TestMethod]
    public void Options_BuiltInAllowedNameListedAsSensitive_IsMaskedAgain() =>
        Assert.IsTrue(Policy(sensitive: ["CacheKey"]).IsSensitiveName("CacheKey"));

    [TestMethod]
    [DataRow("AllowedNames", "Authorization", "MoniKit:Redaction:AllowedNames:0")]
    [DataRow("AllowedNames", "UserPassword", "MoniKit:Redaction:AllowedNames:0")]
    [DataRow("AllowedNames", "key", "MoniKit:Redaction:AllowedNames:0")]
    [DataRow("AllowedNames", "X-Auth-Token", "MoniKit:Redaction:AllowedNames:0")]
    [DataRow("SensitiveNames", "a_", "MoniKit:Redaction:SensitiveNames:0")]
    [DataRow("SensitiveNames", " ", "MoniKit:Redaction:SensitiveNames:0")]
    public void GetMoniKitRedactionPolicy_InvalidName_ThrowsNamingTheKey(string list, string value, string key)
    {
        var builder = CreateBuilder(new Dictionary<string, string?> { [$"MoniKit:Redaction:{list}:0"] = value });

        var exception = Assert.ThrowsExactly<MoniKitConfigurationException>(() => builder.GetMoniKitRedactionPolicy());

        StringAssert.Contains(exception.Message, key);
    }

    [TestMethod]
    public void GetMoniKitRedactionPolicy_SameNameInBothLists_ThrowsNamingTheKey()
    {
        var builder = CreateBuilder(new Dictionary<string, string?>
        {
            ["MoniKit:Redaction:SensitiveNames:0"] = "SortKey",
            ["MoniKit:Redaction:AllowedNames:0"] = "sort_key",
        });

        var exception = Assert.ThrowsExactly<MoniKitConfigurationException>(() => builder.GetMoniKitRedactionPolicy());

        StringAssert.Contains(exception.Message, "MoniKit:Redaction:AllowedNames:0");
    }

    [TestMethod]
    public void GetMoniKitRedactionPolicy_TwoHosts_EachKeepsItsOwnSettings()
    {
        var first = CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Redaction:SensitiveNames:0"] = "iban" });
        var second = CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Redaction:AllowedNames:0"] = "LookupKey" });

        var firstPolicy = first.GetMoniKitRedactionPolicy();
        var secondPolicy = second.GetMoniKitRedactionPolicy();

        Assert.IsTrue(firstPolicy.IsSensitiveName("iban"));
        Assert.IsFalse(secondPolicy.IsSensitiveName("iban"));
        Assert.IsTrue(firstPolicy.IsSensitiveName("LookupKey"));
        Assert.IsFalse(secondPolicy.IsSensitiveName("LookupKey"));
        Assert.AreSame(firstPolicy, first.GetMoniKitRedactionPolicy());
        using var services = first.Services.BuildServiceProvider();
        Assert.AreSame(firstPolicy, services.GetRequiredService<RedactionPolicy>());
    }

    [TestMethod]
    public void GetMoniKitRedactionPolicy_NoSettings_IsTheDefault() =>
        Assert.AreSame(RedactionPolicy.Default, CreateBuilder([]).GetMoniKitRedactionPolicy());

    private static RedactionPolicy Policy(string[]? sensitive = null, string[]? allowed = null)
    {
        var options = new MoniKitRedactionOptions();
        foreach (var name in sensitive ?? [])
        {
            options.SensitiveNames.Add(name);
        }

        foreach (var name in allowed ?? [])
        {
            options.AllowedNames.Add(name);
        }

        return new RedactionPolicy(options);
    }

    private static HostApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
