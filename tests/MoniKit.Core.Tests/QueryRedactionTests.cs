namespace MoniKit.Core.Tests;

/// <summary>Hostile query strings: encoded, repeated, nested and oddly split secret names.</summary>
[TestClass]
public sealed class QueryRedactionTests
{
    [TestMethod]
    [DataRow("?password=hunter2&page=2", "password=[REDACTED]&page=2")]
    [DataRow("pass%77ord=hunter2", "pass%77ord=[REDACTED]")]
    [DataRow("pass%2577ord=hunter2", "pass%2577ord=[REDACTED]")]
    [DataRow("pass+word=hunter2", "pass+word=[REDACTED]")]
    [DataRow("%70assword=hunter2&q=1", "%70assword=[REDACTED]&q=1")]
    [DataRow("Api-Key=abc", "Api-Key=[REDACTED]")]
    [DataRow("token=a&token=b", "token=[REDACTED]&token=[REDACTED]")]
    [DataRow("user[password]=x", "user[password]=[REDACTED]")]
    [DataRow("user%5Bpassword%5D=x", "user%5Bpassword%5D=[REDACTED]")]
    [DataRow("pin=1234&shipping=fast", "pin=[REDACTED]&shipping=fast")]
    [DataRow("secret", "secret=[REDACTED]")]
    [DataRow("&&password=x&", "&&password=[REDACTED]&")]
    [DataRow("password==x=y", "password=[REDACTED]")]
    [DataRow("q=a%0D%0Ab&time=12:00", "q=a%0D%0Ab&time=12:00")]
    [DataRow("email=a@b.example&cache_key=k1", "email=a@b.example&cache_key=k1")]
    public void RedactQuery_HostileQuery_SecretsMasked(string query, string expected) =>
        Assert.AreEqual(expected, RedactionPolicy.Default.RedactQuery(query));

    [TestMethod]
    [DataRow("redirect=https://app.example/cb?token=abc&page=2", "redirect=[REDACTED]&page=2")]
    [DataRow("redirect=https%3A%2F%2Fapp.example%2Fcb%3Ftoken%3Dabc", "redirect=[REDACTED]")]
    [DataRow("next=%2Fcb%3Fpassword%3Dx", "next=[REDACTED]")]
    [DataRow("next=https://bob:pw@app.example/", "next=[REDACTED]")]
    [DataRow("next=https%3A%2F%2Fapp.example%2Fcb%3Fpage%3D2", "next=https%3A%2F%2Fapp.example%2Fcb%3Fpage%3D2")]
    [DataRow("next=/orders?page=2", "next=/orders?page=2")]
    public void RedactQuery_UrlValue_MaskedWhenItCarriesASecret(string query, string expected) =>
        Assert.AreEqual(expected, RedactionPolicy.Default.RedactQuery(query));

    [TestMethod]
    public void RedactQuery_DeeplyNestedRedirects_MaskedRatherThanFollowed()
    {
        var inner = "https://c.example/?q=1";
        for (var i = 0; i < 6; i++)
        {
            inner = $"https://x{i}.example/?next={Uri.EscapeDataString(inner)}";
        }

        Assert.AreEqual("next=[REDACTED]", RedactionPolicy.Default.RedactQuery("next=" + Uri.EscapeDataString(inner)));
    }

    [TestMethod]
    public void RedactQuery_NothingSecret_ReturnsTheSameText()
    {
        const string query = "page=2&sort=name&filter=a%20b";

        Assert.AreEqual(query, RedactionPolicy.Default.RedactQuery("?" + query));
    }
}
