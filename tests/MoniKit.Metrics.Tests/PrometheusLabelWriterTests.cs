using System.Text;
using MoniKit.Metrics.Implementation;

namespace MoniKit.Metrics.Tests;

[TestClass]
public sealed class PrometheusLabelWriterTests
{
    [TestMethod]
    public void Finish_NoSharedNames_LabelsInTheOrderGiven() =>
        Assert.AreEqual("http_route=\"/orders\",http_response_status_code=\"200\"", Render(false, ("http.route", "/orders"), ("http.response.status_code", 200)));

    [TestMethod]
    public void Finish_KeysSanitisingAlike_ValuesJoinedBySemicolonInOrdinalKeyOrder() =>
        Assert.AreEqual(
            "a_b=\"3;2;1\",tenant=\"t\"",
            Render(false, ("a_b", 1), ("tenant", "t"), ("a.b", 2), ("a..b", 3)));

    [TestMethod]
    public void Finish_SharedNameFirstAndLast_OtherLabelsKeepTheirOrder() =>
        Assert.AreEqual("a_b=\"2;1\",m=\"m\",n=\"n\"", Render(false, ("a_b", 1), ("m", "m"), ("n", "n"), ("a.b", 2)));

    [TestMethod]
    public void Finish_MergedValuesNeedingEscapes_EscapedOnce() =>
        Assert.AreEqual("k_v=\"say \\\"hi\\\";a\\\\b\"", Render(false, ("k.v", "say \"hi\""), ("k_v", "a\\b")));

    [TestMethod]
    public void AddAttribute_LeOnHistogram_KeyLeAndLeftAloneElsewhere()
    {
        Assert.AreEqual("key_le=\"gold\"", Render(true, ("le", "gold")));
        Assert.AreEqual("le=\"gold\"", Render(false, ("le", "gold")));
        Assert.AreEqual("key_le=\"b;a\"", Render(true, ("key_le", "b"), ("le", "a")));
    }

    [TestMethod]
    public void AddScope_WithAndWithoutVersion_ScopeLabelsAfterTheAttributes()
    {
        var writer = new PrometheusLabelWriter();
        writer.Begin();
        writer.AddAttribute("tier", "l1", histogram: false);
        writer.AddScope("Shop.Cache", "1.2.0");
        writer.Finish();
        Assert.AreEqual("tier=\"l1\",otel_scope_name=\"Shop.Cache\",otel_scope_version=\"1.2.0\"", Encoding.UTF8.GetString(writer.Labels.WrittenSpan));

        writer.Begin();
        writer.AddScope("Shop.Search", null);
        writer.Finish();
        Assert.AreEqual("otel_scope_name=\"Shop.Search\"", Encoding.UTF8.GetString(writer.Labels.WrittenSpan));
    }

    [TestMethod]
    public void Finish_OverflowAttribute_Reported()
    {
        var writer = new PrometheusLabelWriter();
        writer.Begin();
        writer.AddAttribute("otel.metric.overflow", true, histogram: false);

        Assert.IsTrue(writer.Finish());
        Assert.AreEqual("otel_metric_overflow=\"true\"", Encoding.UTF8.GetString(writer.Labels.WrittenSpan));
        writer.Begin();
        writer.AddAttribute("user", "u1", histogram: false);
        Assert.IsFalse(writer.Finish());
    }

    [TestMethod]
    [DataRow("plain", "plain")]
    [DataRow(true, "true")]
    [DataRow(42, "42")]
    [DataRow(-7L, "-7")]
    [DataRow(0.25, "0.25")]
    [DataRow(double.PositiveInfinity, "Infinity")]
    [DataRow(double.NegativeInfinity, "-Infinity")]
    [DataRow(double.NaN, "NaN")]
    [DataRow(null, "")]
    public void AddAttribute_ScalarValue_AsTheSpecificationRepresentsIt(object? value, string expected) =>
        Assert.AreEqual($"v=\"{expected}\"", Render(false, ("v", value)));

    [TestMethod]
    public void AddAttribute_ArrayValues_JsonArraysEscapedAsLabelValues()
    {
        Assert.AreEqual("v=\"[\\\"a\\\",\\\"b\\\\\\\"c\\\"]\"", Render(false, ("v", new[] { "a", "b\"c" })));
        Assert.AreEqual("v=\"[1,2,3]\"", Render(false, ("v", new long[] { 1, 2, 3 })));
        Assert.AreEqual("v=\"[true,false]\"", Render(false, ("v", new[] { true, false })));
        Assert.AreEqual("v=\"[1.5,\\\"-Infinity\\\",\\\"NaN\\\"]\"", Render(false, ("v", new[] { 1.5, double.NegativeInfinity, double.NaN })));
        Assert.AreEqual("v=\"[\\\"x\\\",null,[1]]\"", Render(false, ("v", new object?[] { "x", null, new[] { 1 } })));
        Assert.AreEqual("v=\"[]\"", Render(false, ("v", Array.Empty<string>())));
        Assert.AreEqual("v=\"[\\\"line\\\\nbreak\\\"]\"", Render(false, ("v", new[] { "line\nbreak" })));
        Assert.AreEqual("v=\"aGk=\"", Render(false, ("v", "hi"u8.ToArray())));
    }

    private static string Render(bool histogram, params (string Key, object? Value)[] tags)
    {
        var writer = new PrometheusLabelWriter();
        writer.Begin();
        foreach (var (key, value) in tags)
        {
            writer.AddAttribute(key, value, histogram);
        }

        writer.Finish();
        return Encoding.UTF8.GetString(writer.Labels.WrittenSpan);
    }
}
