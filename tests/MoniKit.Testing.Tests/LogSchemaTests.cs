namespace MoniKit.Testing.Tests;

[TestClass]
public sealed class LogSchemaTests
{
    private const string Valid =
        "{\"@timestamp\":\"2025-01-02T03:04:05.123456Z\",\"log.level\":\"info\",\"message\":\"hi\",\"ecs.version\":\"8.11.0\","
        + "\"monikit.schema\":\"" + LogFields.CurrentSchemaVersion + "\",\"monikit.kind\":\"app\",\"service.name\":\"orders\",\"service.version\":\"1.0.0\","
        + "\"service.environment\":\"Production\",\"host.name\":\"vm\",\"log.logger\":\"Orders\"";

    [TestMethod]
    public void Validate_ConformingLineWithUserProperties_NoErrors()
    {
        Assert.IsEmpty(LogSchema.Validate(Valid + ",\"OrderId\":42,\"Paid\":true,\"Note\":null,\"Who\":\"bob\"}"));
    }

    [TestMethod]
    public void Validate_MovedPropertiesAndPrefixedFields_NoErrors() =>
        Assert.IsEmpty(LogSchema.Validate(Valid + ",\"labels.user\":\"bob\",\"labels.url\":null,\"monikit.values.host\":5,"
            + "\"monikit.values.error\":true,\"http.request.header.accept\":\"*/*\",\"db.query.parameter.id\":null,"
            + "\"invoice.id\":\"INV-7\",\"invoice_total\":3}"));

    [TestMethod]
    public void JsonSchema_Loaded_IsDraft202012() =>
        Assert.Contains("2020-12", LogSchema.JsonSchema);

    [TestMethod]
    [DataRow(",\"log.level\":\"verbose\"}", "'log.level'")]
    [DataRow(",\"trace.id\":\"XYZ\"}", "'trace.id'")]
    [DataRow(",\"http.response.status_code\":\"200\"}", "'http.response.status_code'")]
    [DataRow(",\"Nested\":{\"a\":1}}", "'Nested'")]
    [DataRow(",\"message\":\"again\"}", "'message' appears more than once")]
    [DataRow(",\"error.type\":\"System.Exception\"}", "'error.message' is required")]
    [DataRow(",\"labels.user\":5}", "'labels.user'")]
    [DataRow(",\"monikit.values.host\":\"text\"}", "'monikit.values.host'")]
    [DataRow(",\"db.query.parameter.id\":3}", "'db.query.parameter.id'")]
    [DataRow(",\"error.grouping_key\":\"not-hex\"}", "'error.grouping_key'")]
    [DataRow(",\"url\":\"/x\",\"url.path\":\"/x\"}", "'url' is a value and also the parent of 'url.path'")]
    [DataRow(",\"Order\":1,\"Order.Id.Value\":2}", "'Order' is a value and also the parent of 'Order.Id.Value'")]
    [DataRow(",\"a..b\":1}", "'a..b' is empty or has an empty segment")]
    public void Validate_BrokenField_ErrorNamesTheField(string end, string expected)
    {
        var errors = LogSchema.Validate(Valid + end);
        Assert.IsTrue(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), string.Join("; ", errors));
    }

    [TestMethod]
    public void Validate_MissingRequiredField_ErrorNamesIt()
    {
        var errors = LogSchema.Validate(Valid.Replace(",\"host.name\":\"vm\"", "", StringComparison.Ordinal) + "}");
        Assert.Contains("'host.name' is required", errors);
    }

    [TestMethod]
    public void Validate_HttpInboundWithoutStatus_ErrorNamesIt()
    {
        var line = Valid.Replace("\"app\"", "\"http.inbound\"", StringComparison.Ordinal)
            + ",\"http.request.method\":\"GET\",\"url.path\":\"/\",\"event.duration\":5}";
        Assert.Contains("'http.response.status_code' is required", LogSchema.Validate(line));
    }

    [TestMethod]
    [DataRow("not json")]
    [DataRow("[1]")]
    public void Validate_NotAnObject_Fails(string line) => Assert.IsNotEmpty(LogSchema.Validate(line));

    [TestMethod]
    public void Validate_LineBreakInside_Fails() =>
        Assert.Contains("the line contains a line break", LogSchema.Validate(Valid + ",\n\"x\":1}"));

    [TestMethod]
    public void Conforms_BadLine_FailsWithTheLine()
    {
        var exception = Assert.ThrowsExactly<AssertFailedException>(() => LogAssert.Conforms(["{}"]));
        StringAssert.Contains(exception.Message, "'@timestamp' is required");
    }
}
