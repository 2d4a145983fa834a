using MoniKit.Logging.Implementation;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class PropertyNameTests
{
    [TestMethod]
    [DataRow("OrderId")]
    [DataRow("Customer.Tier")]
    [DataRow("invoice.id")]
    [DataRow("tenant")]
    [DataRow("users")]
    public void Classify_NameOfTheServicesOwn_TopLevelUnchanged(string name)
    {
        var classified = PropertyName.Classify(name, RedactionPolicy.Default);

        Assert.AreEqual(PropertyRole.TopLevel, classified.Role);
        Assert.IsNull(classified.SchemaType);
        Assert.AreEqual($",\"{name}\":", classified.TopLevelField);
    }

    [TestMethod]
    [DataRow("user")]
    [DataRow("host")]
    [DataRow("url")]
    [DataRow("error")]
    [DataRow("user.name")]
    [DataRow("labels")]
    [DataRow("tags")]
    [DataRow("message")]
    [DataRow("trace.id")]
    [DataRow("db")]
    [DataRow("monikit.job")]
    [DataRow("http.request.id")]
    [DataRow("http.request.header.x.forwarded")]
    public void Classify_RootOwnedByEcsOrMoniKit_Moved(string name) =>
        Assert.AreEqual(PropertyRole.Moved, PropertyName.Classify(name, RedactionPolicy.Default).Role);

    [TestMethod]
    [DataRow(LogFields.HttpRequestMethod, "Text")]
    [DataRow(LogFields.HttpResponseStatusCode, "Number")]
    [DataRow(LogFields.EventDuration, "Number")]
    [DataRow(LogFields.DbReturnedRows, "Number")]
    [DataRow(LogFields.DbAffectedRows, "Number")]
    [DataRow(LogFields.JobName, "Text")]
    [DataRow("http.request.header.accept", "TextOrNull")]
    [DataRow("db.query.parameter.id", "TextOrNull")]
    public void Classify_SchemaFieldAnEventSets_TopLevelWithItsType(string name, string type)
    {
        var classified = PropertyName.Classify(name, RedactionPolicy.Default);

        Assert.AreEqual(PropertyRole.TopLevel, classified.Role);
        Assert.AreEqual(Enum.Parse<FieldType>(type), classified.SchemaType);
    }

    [TestMethod]
    [DataRow("{OriginalFormat}", "Template")]
    [DataRow("EventId", "EventId")]
    [DataRow("EventName", "EventName")]
    [DataRow(LogFields.Kind, "Kind")]
    public void Classify_NamesOfTheLoggingPipeline_TheirOwnRole(string name, string role) =>
        Assert.AreEqual(Enum.Parse<PropertyRole>(role), PropertyName.Classify(name, RedactionPolicy.Default).Role);

    [TestMethod]
    public void Classify_MovedName_KeyHasNoDotStarOrBackslash()
    {
        var classified = PropertyName.Classify("user.a*b\\c", RedactionPolicy.Default);

        Assert.AreEqual(",\"labels.user_a_b_c\":", classified.LabelField);
        Assert.AreEqual(",\"monikit.values.user_a_b_c\":", classified.ValueField);
    }

    [TestMethod]
    public void Classify_NameNeedingEscapes_FieldsEscaped() =>
        Assert.AreEqual(",\"weird\\\"\\nname\":", PropertyName.Classify("weird\"\nname", RedactionPolicy.Default).TopLevelField);

    [TestMethod]
    [DataRow("Password", true)]
    [DataRow("user.api_key", true)]
    [DataRow("OrderId", false)]
    public void Classify_SecretName_MarkedSensitive(string name, bool sensitive) =>
        Assert.AreEqual(sensitive, PropertyName.Classify(name, RedactionPolicy.Default).Sensitive);

    [TestMethod]
    [DataRow("payerIban", true)]
    [DataRow("IBAN_NUMBER", true)]
    [DataRow("MonkeyKey", false)]
    [DataRow("Password", true)]
    public void Classify_HostPolicy_ItsExtraAndAllowedNamesDecide(string name, bool sensitive)
    {
        var options = new MoniKitRedactionOptions();
        options.SensitiveNames.Add("iban");
        options.AllowedNames.Add("MonkeyKey");

        Assert.AreEqual(sensitive, PropertyName.Classify(name, new RedactionPolicy(options)).Sensitive);
    }
}
