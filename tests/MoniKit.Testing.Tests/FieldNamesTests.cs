using System.Text.Json;
using MoniKit.Testing.Implementation;

namespace MoniKit.Testing.Tests;

/// <summary>The rule on field names an index enforces and JSON Schema cannot express.</summary>
[TestClass]
public sealed class FieldNamesTests
{
    [TestMethod]
    [DataRow("""{"url.path":"/","url.query":"a=1","labels.url":"x","labels.url_path":"y"}""")]
    [DataRow("""{"OrderId":1,"Order.Id":2,"orders.id":3}""")]
    [DataRow("""{"a.b":1,"a.bc":2,"ab.c":3}""")]
    public void Check_NoNameIsAnotherOnesParent_NoErrors(string line) => Assert.IsEmpty(Errors(line));

    [TestMethod]
    public void Check_ValueAndObjectUnderOneName_EachNestedNameReported()
    {
        var errors = Errors("""{"url":"/x","url.path":"/x","url.query":"q","user":"bob","user.name.first":"b"}""");

        CollectionAssert.AreEqual(
            new[]
            {
                "'url' is a value and also the parent of 'url.path': an index that maps 'url.path' rejects the line",
                "'url' is a value and also the parent of 'url.query': an index that maps 'url.query' rejects the line",
                "'user' is a value and also the parent of 'user.name.first': an index that maps 'user.name.first' rejects the line",
            },
            errors.ToArray());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(".a")]
    [DataRow("a.")]
    [DataRow("a..b")]
    public void Check_EmptyNameOrSegment_Reported(string name) =>
        Assert.HasCount(1, Errors(JsonSerializer.Serialize(new Dictionary<string, int> { [name] = 1 })));

    private static List<string> Errors(string line)
    {
        using var document = JsonDocument.Parse(line);
        var errors = new List<string>();
        FieldNames.Check(document.RootElement, errors);
        return errors;
    }
}
