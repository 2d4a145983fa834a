using MoniKit.Metrics.Implementation;

namespace MoniKit.Metrics.Tests;

[TestClass]
public sealed class ExpositionNegotiationTests
{
    [TestMethod]
    [DataRow(null, "Text004")]
    [DataRow("", "Text004")]
    [DataRow("*/*", "Text004")]
    [DataRow("text/plain", "Text004")]
    [DataRow("text/plain;version=0.0.4", "Text004")]
    [DataRow("application/json", "Text004")]
    [DataRow("application/openmetrics-text", "OpenMetrics")]
    [DataRow("Application/OpenMetrics-Text; version=1.0.0", "OpenMetrics")]
    [DataRow("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", "OpenMetrics")]
    [DataRow("application/openmetrics-text;version=0.0.1", "Text004")]
    [DataRow("application/openmetrics-text;q=0", "Text004")]
    [DataRow("text/plain;q=1, application/openmetrics-text;q=0.5", "Text004")]
    [DataRow("application/openmetrics-text; q=0.5, text/plain; q=0.5", "OpenMetrics")]
    [DataRow("application/openmetrics-text;q=oops", "Text004")]
    public void Choose_AcceptHeader_FormatTheScraperPrefers(string? accept, string expected) =>
        Assert.AreEqual(Enum.Parse<PrometheusFormat>(expected), ExpositionNegotiation.Choose(accept));

    [TestMethod]
    public void ContentType_EachFormat_MediaTypeItsSpecificationNames()
    {
        Assert.AreEqual("text/plain; version=0.0.4; charset=utf-8", ExpositionNegotiation.ContentType(PrometheusFormat.Text004));
        Assert.AreEqual("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionNegotiation.ContentType(PrometheusFormat.OpenMetrics));
    }
}
