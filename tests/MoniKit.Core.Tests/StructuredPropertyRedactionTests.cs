namespace MoniKit.Core.Tests;

/// <summary>The names a service passes as message-template or <c>StructuredLogState</c> properties.</summary>
[TestClass]
public sealed class StructuredPropertyRedactionTests
{
    [TestMethod]
    [DataRow("Password")]
    [DataRow("ApiKey")]
    [DataRow("AccessToken")]
    [DataRow("SessionId")]
    [DataRow("ClientSecret")]
    [DataRow("ConnectionString")]
    [DataRow("auth.bearer")]
    [DataRow("user.password_hash")]
    [DataRow("CardCvv")]
    [DataRow("OneTimePin")]
    public void IsSensitiveName_SecretPropertyName_True(string name)
    {
        Assert.IsTrue(RedactionPolicy.Default.IsSensitiveName(name));
        Assert.IsTrue(Redaction.IsSensitiveName(name), "the static rule and the default policy agree");
    }

    [TestMethod]
    [DataRow("OrderId")]
    [DataRow("user")]
    [DataRow("host")]
    [DataRow("url")]
    [DataRow("error")]
    [DataRow("ElapsedMs")]
    [DataRow("CacheKey")]
    [DataRow("http.route")]
    [DataRow("db.query.text")]
    [DataRow("monikit.job.name")]
    public void IsSensitiveName_OrdinaryPropertyName_False(string name)
    {
        Assert.IsFalse(RedactionPolicy.Default.IsSensitiveName(name));
        Assert.IsFalse(Redaction.IsSensitiveName(name));
    }

    [TestMethod]
    public void IsSensitiveName_SameNameTwice_SameAnswerFromTheCache()
    {
        var options = new MoniKitRedactionOptions();
        options.SensitiveNames.Add("tenant");
        var policy = new RedactionPolicy(options);

        Assert.IsTrue(policy.IsSensitiveName("TenantId"));
        Assert.IsTrue(policy.IsSensitiveName("TenantId"));
        Assert.IsFalse(RedactionPolicy.Default.IsSensitiveName("TenantId"));
    }
}
