using System.Text.Json;
using MoniKit.Testing.Implementation;

namespace MoniKit.Testing.Tests;

/// <summary>The JSON Schema subset the log schema uses, each keyword on a schema of its own.</summary>
[TestClass]
public sealed class SchemaValidatorTests
{
    [TestMethod]
    [DataRow("""{"type":"string"}""", "\"x\"", "")]
    [DataRow("""{"type":"string"}""", "1", "must be of type \"string\"")]
    [DataRow("""{"type":["string","null"]}""", "null", "")]
    [DataRow("""{"type":"integer"}""", "1.5", "must be of type \"integer\"")]
    [DataRow("""{"type":"integer"}""", "2.0", "")]
    [DataRow("""{"type":"boolean"}""", "false", "")]
    [DataRow("""{"const":"2"}""", "\"1\"", "must be \"2\"")]
    [DataRow("""{"enum":["a","b"]}""", "\"c\"", "must be one of")]
    [DataRow("""{"pattern":"^[0-9a-f]{4}$"}""", "\"12ab\"", "")]
    [DataRow("""{"pattern":"^[0-9a-f]{4}$"}""", "\"12AB\"", "must match")]
    [DataRow("""{"minLength":2}""", "\"😀\"", "at least 2 characters")]
    [DataRow("""{"maxLength":1}""", "\"😀\"", "")]
    [DataRow("""{"minimum":100,"maximum":599}""", "99", "at least 100")]
    [DataRow("""{"minimum":100,"maximum":599}""", "600", "at most 599")]
    public void Validate_OneKeyword_ReportsOnlyWhatBreaksIt(string schema, string value, string expected) =>
        AssertErrors(schema, value, expected);

    [TestMethod]
    [DataRow("""{"a":1}""", "")]
    [DataRow("""{"b":1}""", "'a' is required")]
    [DataRow("""{"a":"x"}""", "'a' must be of type \"integer\"")]
    [DataRow("""{"a":1,"p.x":"s"}""", "")]
    [DataRow("""{"a":1,"p.x":2}""", "'p.x' must be of type \"string\"")]
    [DataRow("""{"a":1,"other":true}""", "")]
    [DataRow("""{"a":1,"other":{}}""", "'other' must be of type")]
    public void Validate_Object_PropertiesPatternsAndTheRest(string value, string expected) =>
        AssertErrors(
            """{"type":"object","required":["a"],"properties":{"a":{"type":"integer"}},"patternProperties":{"^p\\.":{"type":"string"}},"additionalProperties":{"type":["string","number","boolean"]}}""",
            value,
            expected);

    [TestMethod]
    public void Validate_NameInPropertiesAndPattern_BothApplyAndAdditionalDoesNot() =>
        AssertErrors(
            """{"properties":{"p.a":{"type":"string"}},"patternProperties":{"^p\\.":{"maxLength":1}},"additionalProperties":false}""",
            """{"p.a":"long"}""",
            "'p.a' must be at most 1 characters long");

    [TestMethod]
    [DataRow("""{"k":"job"}""", "'n' is required")]
    [DataRow("""{"k":"app"}""", "")]
    public void Validate_IfThen_RequiredOnlyWhenTheConditionHolds(string value, string expected) =>
        AssertErrors("""{"allOf":[{"if":{"properties":{"k":{"const":"job"}}},"then":{"required":["n"]}}]}""", value, expected);

    [TestMethod]
    public void Validate_DuplicateName_Reported() =>
        AssertErrors("""{"type":"object"}""", """{"a":1,"a":2}""", "'a' appears more than once");

    [TestMethod]
    [DataRow("""{"oneOf":[]}""", "oneOf")]
    [DataRow("""{"properties":{"a":{"format":"date-time"}}}""", "format")]
    [DataRow("""{"patternProperties":{"^a":{"$ref":"#"}}}""", "$ref")]
    public void CheckKeywords_UnknownKeyword_RefusedByName(string schema, string keyword)
    {
        using var document = JsonDocument.Parse(schema);

        var exception = Assert.ThrowsExactly<NotSupportedException>(() => SchemaKeywords.Check(document.RootElement));

        StringAssert.Contains(exception.Message, $"'{keyword}'");
    }

    private static void AssertErrors(string schema, string value, string expected)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var valueDocument = JsonDocument.Parse(value);
        SchemaKeywords.Check(schemaDocument.RootElement);
        var errors = new List<string>();

        new SchemaValidator(schemaDocument.RootElement).Validate(valueDocument.RootElement, errors);

        if (expected.Length == 0)
        {
            Assert.IsEmpty(errors, string.Join("; ", errors));
        }
        else
        {
            Assert.IsTrue(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), string.Join("; ", errors));
        }
    }
}
