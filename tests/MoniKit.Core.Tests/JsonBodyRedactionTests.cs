using System.Text;

namespace MoniKit.Core.Tests;

/// <summary>Hostile JSON bodies: nested, numeric, escaped and structured secrets, cut and invalid texts.</summary>
[TestClass]
public sealed class JsonBodyRedactionTests
{
    [TestMethod]
    [DataRow("""{"user":"ann","password":"hunter2"}""", """{"user":"ann","password":"[REDACTED]"}""")]
    [DataRow("""{"pin": 1234, "amount": 5}""", """{"pin": "[REDACTED]", "amount": 5}""")]
    [DataRow("""{"mfa":true,"otp":null}""", """{"mfa":"[REDACTED]","otp":"[REDACTED]"}""")]
    [DataRow("""{"credentials":{"user":"ann","pw":"x"},"id":1}""", """{"credentials":"[REDACTED]","id":1}""")]
    [DataRow("""{"tokens":["a","b",{"c":1}],"id":1}""", """{"tokens":"[REDACTED]","id":1}""")]
    [DataRow("""{"pass\u0077ord":"hunter2"}""", """{"pass\u0077ord":"[REDACTED]"}""")]
    [DataRow("""{"\u0070\u0061\u0073\u0073\u0077\u006f\u0072\u0064":"x"}""", """{"\u0070\u0061\u0073\u0073\u0077\u006f\u0072\u0064":"[REDACTED]"}""")]
    [DataRow("""{"a":{"b":[{"c":{"api_key":"k","d":2}}]}}""", """{"a":{"b":[{"c":{"api_key":"[REDACTED]","d":2}}]}}""")]
    [DataRow("""[{"secret":"x"},{"name":"password"}]""", """[{"secret":"[REDACTED]"},{"name":"password"}]""")]
    [DataRow("""{"note":"my \"password\": x","CacheKey":"k1"}""", """{"note":"my \"password\": x","CacheKey":"k1"}""")]
    [DataRow("""{ "Password" :  "x" , "ok" : "y" }""", """{ "Password" :  "[REDACTED]" , "ok" : "y" }""")]
    [DataRow("""{"name":"Zoë","token":"ünïcødé"}""", """{"name":"Zoë","token":"[REDACTED]"}""")]
    [DataRow("42", "42")]
    public void RedactJson_Body_SecretsMaskedRestKept(string json, string expected) =>
        Assert.AreEqual(expected, RedactionPolicy.Default.RedactJson(Encoding.UTF8.GetBytes(json)));

    [TestMethod]
    [DataRow("""{"user":"ann","password":"hun""", """{"user":"ann","password":…""")]
    [DataRow("""{"user":"ann","credentials":{"user":"x","pw":"hunter""", """{"user":"ann","credentials":"[REDACTED]"…""")]
    [DataRow("""{"user":"ann","passw""", """{"user":"ann"…""")]
    [DataRow("""{"items":[1,2,3""", """{"items":[1,2…""")]
    public void RedactJson_CutBody_KeepsWholeTokensOnlyAndMarksTheCut(string json, string expected) =>
        Assert.AreEqual(expected, RedactionPolicy.Default.RedactJson(Encoding.UTF8.GetBytes(json), isComplete: false));

    [TestMethod]
    [DataRow("""{"user":"ann","password":"hunter2" """)]
    [DataRow("""{"password":'hunter2'}""")]
    [DataRow("""{"user":"ann" /* c */, "password":"hunter2"}""")]
    [DataRow("""password=hunter2""")]
    [DataRow("""{"a":1}{"password":"hunter2"}""")]
    [DataRow("")]
    public void RedactJson_InvalidJson_MaskedWhole(string json)
    {
        var text = RedactionPolicy.Default.RedactJson(Encoding.UTF8.GetBytes(json));

        StringAssert.StartsWith(text, Redaction.Mask);
        StringAssert.Contains(text, "invalid JSON");
        Assert.IsFalse(text.Contains("hunter2", StringComparison.Ordinal), text);
        Assert.IsFalse(text.Contains("ann", StringComparison.Ordinal), text);
    }

    [TestMethod]
    public void RedactJson_InvalidUtf8Name_MaskedWhole()
    {
        byte[] json = [.. "{\""u8, 0xFF, 0xFE, .. "\":\"hunter2\"}"u8];

        var text = RedactionPolicy.Default.RedactJson(json);

        StringAssert.StartsWith(text, Redaction.Mask);
    }

    [TestMethod]
    public void RedactJson_NestedDeeperThanTheReaderAllows_MaskedWhole()
    {
        var json = new string('[', 100) + "\"hunter2\"" + new string(']', 100);

        var text = RedactionPolicy.Default.RedactJson(Encoding.UTF8.GetBytes(json));

        StringAssert.StartsWith(text, Redaction.Mask);
    }

    [TestMethod]
    public void RedactJson_ConfiguredName_Masked()
    {
        var options = new MoniKitRedactionOptions();
        options.SensitiveNames.Add("iban");

        var text = new RedactionPolicy(options).RedactJson("""{"payer":{"iban":"DE89"}}"""u8);

        Assert.AreEqual("""{"payer":{"iban":"[REDACTED]"}}""", text);
    }
}
