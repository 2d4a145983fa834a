using Microsoft.Extensions.Configuration;
using MoniKit.Implementation;

namespace MoniKit.Core.Tests;

[TestClass]
public sealed class UnusedConfigurationKeysTests
{
    private static IReadOnlyList<string> Find(Dictionary<string, string?> settings, params (string? Section, Type Options)[] bound)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return UnusedConfigurationKeys.Find(configuration.GetSection(MoniKitOptions.SectionName), bound);
    }

    [TestMethod]
    public void Find_EveryKeyAPropertyOfABoundType_NoneUnused()
    {
        var unused = Find(
            new()
            {
                ["MoniKit:servicename"] = "orders",
                ["MoniKit:Sample:Threshold"] = "5",
                ["MoniKit:Sample:Mode"] = "Fast",
                ["MoniKit:SAMPLE:window"] = "00:00:05",
                ["MoniKit:Sample:Limits:orders"] = "3",
                ["MoniKit:Sample:Names:0"] = "a",
                ["MoniKit:Sample:Nested:Enabled"] = "true",
                ["MoniKit:Sample:renamed-key"] = "x",
                ["MoniKit:Sample:Optional"] = "7",
                ["Logging:LogLevel:Default"] = "Debug",
            },
            (null, typeof(MoniKitOptions)),
            ("Sample", typeof(SampleOptions)));

        Assert.IsEmpty(unused, string.Join(", ", unused));
    }

    [TestMethod]
    public void Find_MisspelledKeysAndUnboundSections_NamedWithTheirFullKey()
    {
        var unused = Find(
            new()
            {
                ["MoniKit:ServiceNmae"] = "orders",
                ["MoniKit:Sample:Treshold"] = "5",
                ["MoniKit:Sample:Nested:Enabld"] = "true",
                ["MoniKit:Sample:Names:first"] = "a",
                ["MoniKit:Sample:Threshold:Extra"] = "1",
                ["MoniKit:Sample:Computed"] = "1",
                ["MoniKit:Data:SlowQueryThresholdMs"] = "100",
                ["MoniKit:Sample:Empty"] = null,
            },
            (null, typeof(MoniKitOptions)),
            ("Sample", typeof(SampleOptions)));

        CollectionAssert.AreEqual(
            new[]
            {
                "MoniKit:Data:SlowQueryThresholdMs", "MoniKit:Sample:Computed", "MoniKit:Sample:Names:first", "MoniKit:Sample:Nested:Enabld",
                "MoniKit:Sample:Threshold:Extra", "MoniKit:Sample:Treshold", "MoniKit:ServiceNmae",
            },
            unused.ToArray());
    }

    [TestMethod]
    public void Find_NestedSectionBound_ReadsItsKeysButNotSiblings()
    {
        var unused = Find(
            new() { ["MoniKit:Outer:Inner:Threshold"] = "1", ["MoniKit:Outer:Other"] = "1" },
            ("Outer:Inner", typeof(SampleOptions)));

        CollectionAssert.AreEqual(new[] { "MoniKit:Outer:Other" }, unused.ToArray());
    }

    [TestMethod]
    public void Find_ControlCharacterInAKey_Escaped()
    {
        var unused = Find(new() { ["MoniKit:Bad\u001b[2JKey"] = "1" }, (null, typeof(MoniKitOptions)));

        CollectionAssert.AreEqual(new[] { "MoniKit:Bad\\u001b[2JKey" }, unused.ToArray());
    }

    private sealed class SampleOptions
    {
        public int Threshold { get; set; }

        public SampleMode Mode { get; set; }

        public TimeSpan Window { get; set; }

        public int? Optional { get; set; }

        public IDictionary<string, int> Limits { get; } = new Dictionary<string, int>();

        public IList<string> Names { get; } = [];

        public NestedOptions Nested { get; } = new();

        [ConfigurationKeyName("renamed-key")]
        public string? Renamed { get; set; }

        public int Computed => Threshold * 2;
    }

    private sealed class NestedOptions
    {
        public bool Enabled { get; set; }
    }

    private enum SampleMode
    {
        Slow,
        Fast,
    }
}
