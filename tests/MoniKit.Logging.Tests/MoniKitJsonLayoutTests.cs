using System.Text.Json;
using MoniKit.Testing;
using NLog;

namespace MoniKit.Logging.Tests;

/// <summary>The layout alone: NLog events rendered in memory, each line checked against the schema.</summary>
[TestClass]
public sealed class MoniKitJsonLayoutTests
{
    private static readonly MoniKitOptions Service = new() { ServiceName = "orders-api", ServiceVersion = "1.2.3", Environment = "Production" };

    [TestMethod]
    public void Render_EcsObjectNamesBesideTheirFields_MovedUnderLabelsWithoutConflict()
    {
        var line = Render(Event(
            ("user", "bob"), ("host", "db-1"), ("url", "/elsewhere"), ("error", "none"), ("OrderId", 42),
            (LogFields.UrlPath, "/orders/42"), (LogFields.HttpRequestMethod, "GET")));

        Assert.AreEqual("bob", line.GetProperty("labels.user").GetString());
        Assert.AreEqual("db-1", line.GetProperty("labels.host").GetString());
        Assert.AreEqual("/elsewhere", line.GetProperty("labels.url").GetString());
        Assert.AreEqual("none", line.GetProperty("labels.error").GetString());
        Assert.AreEqual(42, line.GetProperty("OrderId").GetInt32());
        Assert.AreEqual("/orders/42", line.GetProperty("url.path").GetString());
        Assert.AreEqual(Environment.MachineName, line.GetProperty("host.name").GetString());
        foreach (var moved in new[] { "user", "host", "url", "error" })
        {
            Assert.IsFalse(line.TryGetProperty(moved, out _), moved);
        }
    }

    [TestMethod]
    public void Render_NumbersAndBooleansUnderReservedNames_MovedToValuesKeepingTheirType()
    {
        var line = Render(Event(("host", 5), ("error", true), ("event.duration", "slow"), (LogFields.HttpResponseStatusCode, "OK")));

        Assert.AreEqual(5, line.GetProperty("monikit.values.host").GetInt32());
        Assert.IsTrue(line.GetProperty("monikit.values.error").GetBoolean());
        Assert.AreEqual("slow", line.GetProperty("labels.event_duration").GetString());
        Assert.AreEqual("OK", line.GetProperty("labels.http_response_status_code").GetString());
        Assert.IsFalse(line.TryGetProperty(LogFields.HttpResponseStatusCode, out _));
    }

    [TestMethod]
    public void Render_PropertiesNamedLikeFieldsTheLayoutWrites_KeptUnderLabelsAndNeverOverwriting()
    {
        var line = Render(Event(
            (LogFields.ServiceName, "evil"), (LogFields.Level, "fatal"), (LogFields.Message, "forged"), (LogFields.Timestamp, "1970"),
            (LogFields.TraceId, "forged-trace"), (LogFields.Kind, "nonsense"), (LogFields.ProcessPid, -1), (LogFields.ErrorType, "Fake")));

        Assert.AreEqual("orders-api", line.GetProperty("service.name").GetString());
        Assert.AreEqual("info", line.GetProperty("log.level").GetString());
        Assert.AreEqual("real", line.GetProperty("message").GetString());
        Assert.AreEqual("app", line.GetProperty("monikit.kind").GetString());
        Assert.IsFalse(line.TryGetProperty("trace.id", out _));
        Assert.AreEqual("evil", line.GetProperty("labels.service_name").GetString());
        Assert.AreEqual("fatal", line.GetProperty("labels.log_level").GetString());
        Assert.AreEqual("forged", line.GetProperty("labels.message").GetString());
        Assert.AreEqual("1970", line.GetProperty("labels.@timestamp").GetString());
        Assert.AreEqual("forged-trace", line.GetProperty("labels.trace_id").GetString());
        Assert.AreEqual("nonsense", line.GetProperty("labels.monikit_kind").GetString());
        Assert.AreEqual(-1, line.GetProperty("monikit.values.process_pid").GetInt32());
        Assert.AreEqual("Fake", line.GetProperty("labels.error_type").GetString());
    }

    [TestMethod]
    public void Render_NamesOfTheServicesOwn_StayAtTheTopLevel()
    {
        var line = Render(Event(("OrderId", 42), ("invoice.id", "INV-7"), ("tenant", "acme"), ("Customer.Tier", "gold")));

        Assert.AreEqual(42, line.GetProperty("OrderId").GetInt32());
        Assert.AreEqual("INV-7", line.GetProperty("invoice.id").GetString());
        Assert.AreEqual("acme", line.GetProperty("tenant").GetString());
        Assert.AreEqual("gold", line.GetProperty("Customer.Tier").GetString());
    }

    [TestMethod]
    public void Render_MovedKeysThatBecomeEqual_EachKeepsAFieldOfItsOwn()
    {
        var line = Render(Event(("url.a.b", "first"), ("url.a_b", "second"), ("url.a*b", "third")));

        var values = new[] { "labels.url_a_b", "labels.url_a_b_2", "labels.url_a_b_3" }.Select(f => line.GetProperty(f).GetString()).Order();
        CollectionAssert.AreEqual(new[] { "first", "second", "third" }, values.ToArray());
    }

    [TestMethod]
    [DataRow("", "labels._")]
    [DataRow(".hidden", "labels._hidden")]
    [DataRow("trailing.", "labels.trailing_")]
    [DataRow("a..b", "labels.a__b")]
    public void Render_NameElasticsearchRejects_MovedUnderLabels(string name, string field)
    {
        var line = Render(Event((name, "kept")));

        Assert.AreEqual("kept", line.GetProperty(field).GetString());
    }

    [TestMethod]
    public void Render_SecretUnderAMovedName_MaskedThereAndInTheMessage()
    {
        var logEvent = new LogEventInfo(NLog.LogLevel.Info, "Test", "login with hunter2-secret");
        logEvent.Properties["user.password"] = "hunter2-secret";

        var text = new MoniKitJsonLayout(Service).Render(logEvent);

        Assert.DoesNotContain("hunter2-secret", text);
        Assert.AreEqual(Redaction.Mask, Parse(text).GetProperty("labels.user_password").GetString());
    }

    [TestMethod]
    public void Render_HostPolicyWithExtraAndAllowedNames_MasksItsSecretsInFieldsScopesAndMessage()
    {
        var options = new MoniKitRedactionOptions();
        options.SensitiveNames.Add("iban");
        options.AllowedNames.Add("MonkeyKey");
        var layout = new MoniKitJsonLayout(Service, new RedactionPolicy(options));

        string text;
        using (ScopeContext.PushProperty("CustomerIban", "DE-scope-iban"))
        {
            text = layout.Render(PaymentEvent());
        }

        Assert.DoesNotContain("DE-event-iban", text);
        Assert.DoesNotContain("DE-scope-iban", text);
        var line = Parse(text);
        Assert.AreEqual(Redaction.Mask, line.GetProperty("PayerIban").GetString());
        Assert.AreEqual(Redaction.Mask, line.GetProperty("CustomerIban").GetString());
        Assert.AreEqual("banana-7", line.GetProperty("MonkeyKey").GetString());
        Assert.AreEqual("paid from [REDACTED] for banana-7", line.GetProperty("message").GetString());
    }

    [TestMethod]
    public void Render_LayoutWithoutAPolicy_BuiltInRulesOnly()
    {
        var line = Parse(new MoniKitJsonLayout(Service).Render(PaymentEvent()));

        Assert.AreEqual("DE-event-iban", line.GetProperty("PayerIban").GetString());
        Assert.AreEqual(Redaction.Mask, line.GetProperty("MonkeyKey").GetString());
        Assert.AreEqual("paid from DE-event-iban for [REDACTED]", line.GetProperty("message").GetString());
    }

    [TestMethod]
    public void Render_AnyLine_CarriesProcessIdAndDatasetOfTheService()
    {
        var line = Render(Event());

        Assert.AreEqual(Environment.ProcessId, line.GetProperty("process.pid").GetInt32());
        Assert.AreEqual("orders_api", line.GetProperty("event.dataset").GetString());
        Assert.AreEqual("2", line.GetProperty("monikit.schema").GetString());
    }

    [TestMethod]
    public void Render_EventIdName_WrittenAsEventAction()
    {
        var line = Render(Event(("EventId", 7), ("EventName", "OrderShipped")));

        Assert.AreEqual("OrderShipped", line.GetProperty("event.action").GetString());
        Assert.IsFalse(line.TryGetProperty("EventId", out _));
        Assert.IsFalse(line.TryGetProperty("EventName", out _));
    }

    [TestMethod]
    public void Render_Exception_CarriesItsGroupingKeyAndInnerExceptions()
    {
        var exception = Thrown("outer", new ArgumentException("inner cause"));
        var logEvent = Event();
        logEvent.Exception = exception;

        var line = Render(logEvent);

        Assert.AreEqual(ErrorGrouping.GetKey(exception), line.GetProperty("error.grouping_key").GetString());
        Assert.AreEqual("outer", line.GetProperty("error.message").GetString());
        StringAssert.Contains(line.GetProperty("error.stack_trace").GetString(), "inner cause");
    }

    [TestMethod]
    public void Render_SameFaultWithTwoMessages_SameGroupingKey()
    {
        var first = Event();
        first.Exception = Thrown("order 1 is locked", null);
        var second = Event();
        second.Exception = Thrown("order 2 is locked", null);

        Assert.AreEqual(
            Render(first).GetProperty("error.grouping_key").GetString(),
            Render(second).GetProperty("error.grouping_key").GetString());
    }

    [TestMethod]
    public void Render_NoException_NoErrorFields()
    {
        var line = Render(Event());

        Assert.IsFalse(line.EnumerateObject().Any(p => p.Name.StartsWith("error.", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Render_ControlCharactersEverywhere_OneLineAndEveryValueReadsBack()
    {
        const string Nasty = "a\"b\\c\rd\ne\tf\u0000g\u001fh\u007fi\u0085j\u2028k\u2029l\ud83d\ude00m";
        using var scope = ScopeContext.PushNestedStateProperties(null, [new("ScopeValue", Nasty)]);
        var logEvent = new LogEventInfo(NLog.LogLevel.Error, "Test", "m:" + Nasty) { Exception = Thrown("e:" + Nasty, null) };
        logEvent.Properties["Value"] = Nasty;
        logEvent.Properties["weird\"\nname"] = Nasty;

        var line = Render(logEvent);

        Assert.AreEqual("m:" + Nasty, line.GetProperty("message").GetString());
        Assert.AreEqual(Nasty, line.GetProperty("Value").GetString());
        Assert.AreEqual(Nasty, line.GetProperty("ScopeValue").GetString());
        Assert.AreEqual(Nasty, line.GetProperty("weird\"\nname").GetString());
        Assert.AreEqual("e:" + Nasty, line.GetProperty("error.message").GetString());
        StringAssert.Contains(line.GetProperty("error.stack_trace").GetString(), "System.InvalidOperationException: e:");
    }

    internal static LogEventInfo Event(params (string Name, object? Value)[] properties)
    {
        var logEvent = new LogEventInfo(NLog.LogLevel.Info, "Test", "real");
        foreach (var (name, value) in properties)
        {
            logEvent.Properties[name] = value;
        }

        return logEvent;
    }

    private static LogEventInfo PaymentEvent()
    {
        var logEvent = new LogEventInfo(NLog.LogLevel.Info, "Test", "paid from DE-event-iban for banana-7");
        logEvent.Properties["PayerIban"] = "DE-event-iban";
        logEvent.Properties["MonkeyKey"] = "banana-7";
        return logEvent;
    }

    internal static JsonElement Render(LogEventInfo logEvent)
    {
        var text = new MoniKitJsonLayout(Service).Render(logEvent);
        LogAssert.Conforms(text);
        return Parse(text);
    }

    private static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static InvalidOperationException Thrown(string message, Exception? inner)
    {
        try
        {
            throw new InvalidOperationException(message, inner);
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
