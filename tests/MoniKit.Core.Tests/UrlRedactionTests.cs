namespace MoniKit.Core.Tests;

/// <summary>Outbound URLs and URL-valued headers: user info, query and fragment secrets.</summary>
[TestClass]
public sealed class UrlRedactionTests
{
    [TestMethod]
    [DataRow("https://user:pw@api.example.com/v1/items?token=abc&page=2", "https://api.example.com/v1/items?token=[REDACTED]&page=2")]
    [DataRow("https://user@api.example.com/", "https://api.example.com/")]
    [DataRow("https://u%40x:p%3Aw@api.example.com/a", "https://api.example.com/a")]
    [DataRow("http://localhost:8080/a?password=x", "http://localhost:8080/a?password=[REDACTED]")]
    [DataRow("https://api.example.com:443/a?sig=1&signature=2", "https://api.example.com/a?sig=1&signature=[REDACTED]")]
    [DataRow("https://app.example/cb#access_token=abc&token_type=bearer", "https://app.example/cb#access_token=[REDACTED]&token_type=bearer")]
    [DataRow("https://app.example/docs#section-2", "https://app.example/docs#section-2")]
    [DataRow("https://s3.example/b/o?X-Amz-Credential=AK%2F1&X-Amz-Signature=ff&X-Amz-Expires=60", "https://s3.example/b/o?X-Amz-Credential=[REDACTED]&X-Amz-Signature=[REDACTED]&X-Amz-Expires=60")]
    public void RedactUri_Absolute_UserInfoAndSecretsRemoved(string url, string expected) =>
        Assert.AreEqual(expected, RedactionPolicy.Default.RedactUri(new Uri(url)));

    [TestMethod]
    [DataRow("/login?user=bob&pwd=x", "/login?user=bob&pwd=[REDACTED]")]
    [DataRow("cb?code=1#id_token=x", "cb?code=1#id_token=[REDACTED]")]
    public void RedactUri_Relative_QueryAndFragmentMasked(string url, string expected) =>
        Assert.AreEqual(expected, RedactionPolicy.Default.RedactUri(new Uri(url, UriKind.Relative)));

    [TestMethod]
    [DataRow("Referer", "https://x.example/?token=abc", "https://x.example/?token=[REDACTED]")]
    [DataRow("Location", "/callback?password=x&state=1", "/callback?password=[REDACTED]&state=1")]
    [DataRow("Origin", "https://admin:pw@x.example", "https://x.example")]
    [DataRow("Link", "<https://x.example/p?api_key=1>; rel=\"next\", <https://x.example/p?page=1>; rel=\"first\"", "<https://x.example/p?api_key=[REDACTED]>; rel=\"next\", <https://x.example/p?page=1>; rel=\"first\"")]
    [DataRow("X-Forwarded-Uri", "/a?session=1", "/a?session=[REDACTED]")]
    [DataRow("Accept", "text/html, */*;q=0.8", "text/html, */*;q=0.8")]
    [DataRow("From", "ann@example.com", "ann@example.com")]
    [DataRow("X-Note", "see https://x.example/?q=a b&token=t1 now", "see https://x.example/?q=a b&token=[REDACTED] now")]
    [DataRow("X-Note", "(see https://x.example/?token=t1)", "(see https://x.example/?token=[REDACTED])")]
    [DataRow("X-Note", "1.0+https://ci:pw@git.example/r", "1.0+https://git.example/r")]
    public void RedactHeader_UrlValuedHeader_QueryRuleApplied(string name, string value, string expected) =>
        Assert.AreEqual(expected, RedactionPolicy.Default.RedactHeader(name, value));

    [TestMethod]
    [DataRow("Authorization", "Basic dXNlcjpwdw==")]
    [DataRow("Cookie", "session=abc")]
    [DataRow("X-Api-Key", "k")]
    [DataRow("X-Refresh-Token", "t")]
    public void RedactHeader_SecretHeader_MaskedWhole(string name, string value) =>
        Assert.AreEqual(Redaction.Mask, RedactionPolicy.Default.RedactHeader(name, value));
}
