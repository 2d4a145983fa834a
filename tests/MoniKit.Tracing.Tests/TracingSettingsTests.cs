using MoniKit.Tracing.Implementation;
using OpenTelemetry.Exporter;

namespace MoniKit.Tracing.Tests;

[TestClass]
public sealed class TracingSettingsTests
{
    [TestMethod]
    public void Resolve_NothingConfigured_ExportsNothingWithTheSpecificationDefaults()
    {
        var settings = Resolve(new MoniKitTracingOptions());

        Assert.IsFalse(settings.Enabled);
        Assert.IsNull(settings.Endpoint);
        Assert.AreEqual(OtlpExportProtocol.Grpc, settings.Protocol);
        Assert.AreEqual("parentbased_always_on", settings.Sampler);
        Assert.AreEqual(1, settings.SamplerArg);
    }

    [TestMethod]
    [DataRow("http://collector:4318", "http/protobuf", "http://collector:4318/v1/traces")]
    [DataRow("http://collector:4318/otlp/", "http/protobuf", "http://collector:4318/otlp/v1/traces")]
    [DataRow("http://collector:4317", null, "http://collector:4317/")]
    [DataRow("https://collector:4317", "grpc", "https://collector:4317/")]
    public void Resolve_OtlpEndpoint_IsTheBaseUrlOfTheCollector(string endpoint, string? protocol, string expected)
    {
        var settings = Resolve(new MoniKitTracingOptions(), ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", protocol));

        Assert.IsTrue(settings.Enabled);
        Assert.AreEqual(new Uri(expected), settings.Endpoint);
    }

    [TestMethod]
    public void Resolve_TracesEndpoint_IsUsedAsItIsAndWinsOverTheGeneralOne()
    {
        var settings = Resolve(
            new MoniKitTracingOptions(),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://general:4318"),
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom/path"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        Assert.AreEqual(new Uri("http://traces:4318/custom/path"), settings.Endpoint);
    }

    [TestMethod]
    public void Resolve_MoniKitSettings_WinOverTheVariables()
    {
        var settings = Resolve(
            new MoniKitTracingOptions { Endpoint = "http://monikit:4318", Protocol = "http/protobuf", Sampler = "traceidratio", SamplerArg = 0.25 },
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4317"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            ("OTEL_TRACES_SAMPLER", "always_off"),
            ("OTEL_TRACES_SAMPLER_ARG", "0.5"));

        Assert.AreEqual(new Uri("http://monikit:4318/v1/traces"), settings.Endpoint);
        Assert.AreEqual(OtlpExportProtocol.HttpProtobuf, settings.Protocol);
        Assert.AreEqual("traceidratio", settings.Sampler);
        Assert.AreEqual(0.25, settings.SamplerArg);
    }

    [TestMethod]
    public void Resolve_TracesProtocol_WinsOverTheGeneralOne()
    {
        var settings = Resolve(
            new MoniKitTracingOptions(),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf"));

        Assert.AreEqual(OtlpExportProtocol.HttpProtobuf, settings.Protocol);
        Assert.AreEqual(new Uri("http://collector:4318/v1/traces"), settings.Endpoint);
    }

    [TestMethod]
    [DataRow("PARENTBASED_TRACEIDRATIO", "0.1", "parentbased_traceidratio", 0.1)]
    [DataRow("traceidratio", null, "traceidratio", 1.0)]
    [DataRow("always_on", "not a number", "always_on", 1.0)]
    [DataRow("parentbased_always_off", "2", "parentbased_always_off", 1.0)]
    public void Resolve_SamplerVariables_FollowTheSpecification(string sampler, string? arg, string expectedSampler, double expectedArg)
    {
        var settings = Resolve(new MoniKitTracingOptions(), ("OTEL_TRACES_SAMPLER", sampler), ("OTEL_TRACES_SAMPLER_ARG", arg));

        Assert.AreEqual(expectedSampler, settings.Sampler);
        Assert.AreEqual(expectedArg, settings.SamplerArg);
    }

    [TestMethod]
    [DataRow("OTEL_SDK_DISABLED", "true")]
    [DataRow("OTEL_TRACES_EXPORTER", "none")]
    public void Resolve_StandardOffSwitch_TurnsExportOffDespiteAnEndpoint(string variable, string value)
    {
        var settings = Resolve(new MoniKitTracingOptions { Endpoint = "http://collector:4317" }, (variable, value));

        Assert.IsFalse(settings.Enabled);
    }

    [TestMethod]
    [DataRow("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL must be grpc or http/protobuf (was 'http/json')")]
    [DataRow("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "udp", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be grpc or http/protobuf (was 'udp')")]
    [DataRow("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http or https URL")]
    [DataRow("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "/v1/traces", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an absolute http or https URL")]
    [DataRow("OTEL_TRACES_SAMPLER", "xray", "OTEL_TRACES_SAMPLER must be one of parentbased_always_on, parentbased_always_off, parentbased_traceidratio, always_on, always_off, traceidratio (was 'xray')")]
    [DataRow("OTEL_SDK_DISABLED", "yes", "OTEL_SDK_DISABLED must be true or false (was 'yes')")]
    [DataRow("OTEL_TRACES_EXPORTER", "zipkin", "OTEL_TRACES_EXPORTER must be otlp or none: MoniKit exports traces over OTLP only (was 'zipkin')")]
    public void Resolve_BadVariable_NamesIt(string variable, string value, string expected)
    {
        var failures = Failures(new MoniKitTracingOptions(), (variable, value));

        CollectionAssert.AreEqual(new[] { expected }, failures);
    }

    [TestMethod]
    public void Resolve_BadRatioForARatioSampler_NamesTheVariable()
    {
        var failures = Failures(new MoniKitTracingOptions(), ("OTEL_TRACES_SAMPLER", "traceidratio"), ("OTEL_TRACES_SAMPLER_ARG", "1.5"));

        CollectionAssert.AreEqual(new[] { "OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (was '1.5')" }, failures);
    }

    [TestMethod]
    public void Resolve_BadMoniKitSettings_NameTheirKeysAndNeverTheEndpoint()
    {
        var failures = Failures(new MoniKitTracingOptions
        {
            Endpoint = "ftp://user:s3cret@collector",
            Protocol = "thrift",
            Sampler = "sometimes",
            SamplerArg = -0.5,
        });

        CollectionAssert.AreEquivalent(
            new[]
            {
                "MoniKit:Tracing:Endpoint must be an absolute http or https URL",
                "MoniKit:Tracing:Protocol must be grpc or http/protobuf (was 'thrift')",
                "MoniKit:Tracing:Sampler must be one of parentbased_always_on, parentbased_always_off, parentbased_traceidratio, always_on, always_off, traceidratio (was 'sometimes')",
                "MoniKit:Tracing:SamplerArg must be a number from 0 to 1 (was -0.5)",
            },
            failures);
    }

    private static TracingSettings Resolve(MoniKitTracingOptions options, params (string Key, string? Value)[] variables)
    {
        var failures = new List<string>();
        var settings = TracingSettings.Resolve(options, Configuration(variables), failures);
        Assert.IsEmpty(failures, string.Join("; ", failures));
        return settings;
    }

    private static List<string> Failures(MoniKitTracingOptions options, params (string Key, string? Value)[] variables)
    {
        var failures = new List<string>();
        TracingSettings.Resolve(options, Configuration(variables), failures);
        return failures;
    }

    private static IConfiguration Configuration((string Key, string? Value)[] variables) =>
        new ConfigurationBuilder().AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
