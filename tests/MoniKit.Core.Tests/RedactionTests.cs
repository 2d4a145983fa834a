namespace MoniKit.Core.Tests;

[TestClass]
public sealed class RedactionTests
{
    [TestMethod]
    [DataRow("Authorization")]
    [DataRow("cookie")]
    [DataRow("Set-Cookie")]
    [DataRow("X-API-KEY")]
    [DataRow("Proxy-Authorization")]
    [DataRow("X-Refresh-Token")]
    public void IsSensitiveHeader_SecretHeader_True(string name) => Assert.IsTrue(Redaction.IsSensitiveHeader(name));

    [TestMethod]
    [DataRow("Accept")]
    [DataRow("User-Agent")]
    [DataRow("traceparent")]
    public void IsSensitiveHeader_OrdinaryHeader_False(string name) => Assert.IsFalse(Redaction.IsSensitiveHeader(name));

    [TestMethod]
    [DataRow("password")]
    [DataRow("db_Password")]
    [DataRow("access_token")]
    [DataRow("client_secret")]
    [DataRow("apiKey")]
    [DataRow("ConnectionString")]
    public void IsSensitiveName_SecretName_True(string name) => Assert.IsTrue(Redaction.IsSensitiveName(name));

    [TestMethod]
    [DataRow("?password=hunter2&page=2", "password=[REDACTED]&page=2")]
    [DataRow("page=2&token=abc&q=x", "page=2&token=[REDACTED]&q=x")]
    [DataRow("api_key=1&API_KEY=2", "api_key=[REDACTED]&API_KEY=[REDACTED]")]
    [DataRow("pass%77ord=hunter2", "pass%77ord=[REDACTED]")]
    [DataRow("secret", "secret=[REDACTED]")]
    [DataRow("q=a%0D%0Ab", "q=a%0D%0Ab")]
    [DataRow("page=1", "page=1")]
    [DataRow("", "")]
    [DataRow(null, "")]
    public void RedactQuery_Query_SecretValuesMasked(string? query, string expected) =>
        Assert.AreEqual(expected, Redaction.RedactQuery(query));

    [TestMethod]
    public void RedactUri_AbsoluteWithUserInfoAndSecret_BothMasked()
    {
        var text = Redaction.RedactUri(new Uri("https://user:pw@api.example.com/v1/items?token=abc&page=2"));
        Assert.AreEqual("https://api.example.com/v1/items?token=[REDACTED]&page=2", text);
    }

    [TestMethod]
    public void RedactUri_NonDefaultPort_Kept() =>
        Assert.AreEqual("http://localhost:8080/a?password=[REDACTED]", Redaction.RedactUri(new Uri("http://localhost:8080/a?password=x")));

    [TestMethod]
    public void RedactUri_Relative_QueryMasked() =>
        Assert.AreEqual("/login?user=bob&pwd=[REDACTED]", Redaction.RedactUri(new Uri("/login?user=bob&pwd=x", UriKind.Relative)));
}
