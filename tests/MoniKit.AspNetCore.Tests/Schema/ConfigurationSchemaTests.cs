using System.Collections;
using System.Reflection;
using System.Text.Json;
using MoniKit.Alerting.Slack;
using MoniKit.Data;
using MoniKit.Hosting;
using MoniKit.Logging;
using MoniKit.Metrics;
using MoniKit.Tracing;

namespace MoniKit.AspNetCore.Tests.Schema;

/// <summary>Each package's ConfigurationSchema.json against the options classes it binds, and the reverse.</summary>
[TestClass]
public sealed class ConfigurationSchemaTests
{
    private static readonly Assembly[] Packages =
    [
        typeof(MoniKitOptions).Assembly,
        typeof(MoniKitLoggingOptions).Assembly,
        typeof(MoniKitMetricsOptions).Assembly,
        typeof(MoniKitSlackOptions).Assembly,
        typeof(MoniKitTracingOptions).Assembly,
        typeof(MoniKitHttpOptions).Assembly,
        typeof(MoniKitDataOptions).Assembly,
        typeof(MoniKitJobsOptions).Assembly,
    ];

    public static IEnumerable<object[]> PackageNames => Packages.Select(a => new object[] { a.GetName().Name! });

    [TestMethod]
    [DynamicData(nameof(PackageNames))]
    public void ConfigurationSchema_EachPackage_HasExactlyTheKeysItsOptionsBind(string package)
    {
        var assembly = Packages.Single(a => a.GetName().Name == package);
        using var document = JsonDocument.Parse(File.ReadAllText(Repository.Path("src", package, "ConfigurationSchema.json")));
        var moniKit = document.RootElement.GetProperty("properties").GetProperty(MoniKitOptions.SectionName);
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        var actual = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var options in OptionsTypes(assembly))
        {
            var section = SectionOf(options);
            var schema = section is null ? moniKit : moniKit.GetProperty("properties").GetProperty(section);
            var instance = Activator.CreateInstance(options)!;
            foreach (var property in BoundProperties(options))
            {
                var key = Key(section, property.Name);
                expected.Add(key);
                if (schema.GetProperty("properties").TryGetProperty(property.Name, out var entry))
                {
                    CheckEntry(key, property, property.GetValue(instance), entry);
                }
            }

            Assert.IsFalse(schema.GetProperty("additionalProperties").GetBoolean(), $"{Key(section, "")} flags unknown keys");
        }

        foreach (var entry in moniKit.GetProperty("properties").EnumerateObject())
        {
            var nested = entry.Value.TryGetProperty("properties", out var keys) && entry.Value.GetProperty("type").GetString() == "object" && !IsRootProperty(entry.Name);
            foreach (var key in nested ? keys.EnumerateObject().Select(k => Key(entry.Name, k.Name)) : [Key(null, entry.Name)])
            {
                actual.Add(key);
            }
        }

        CollectionAssert.AreEqual(expected.ToList(), actual.ToList(), $"schema: {string.Join(", ", actual)}");
    }

    [TestMethod]
    public void ConfigurationSchema_GeneratedServiceSettings_Accepted()
    {
        var schema = MergedSchema();
        foreach (var template in new[] { "monikit-webapi", "monikit-worker", "monikit-data" })
        {
            foreach (var file in Directory.GetFiles(Repository.Path("templates", template, "src", "MoniKitService"), "appsettings*.json"))
            {
                using var settings = ParseSettings(File.ReadAllText(file));
                var problems = SchemaChecker.Check(schema, settings.RootElement);
                Assert.IsEmpty(problems, $"{file}: {string.Join("; ", problems)}");
            }
        }
    }

    [TestMethod]
    public void ConfigurationSchema_MisspelledKeyOrWrongValue_Flagged()
    {
        using var settings = ParseSettings("""
            {
              "MoniKit": {
                "ServiceName": "orders",
                "Http": { "CaptureBodys": true, "MaxBodyBytes": "lots" },
                "Logging": { "Console": "Xml" },
                "Jobs": { "Intervals": { "cleanup": "00:05:00" } },
                "Slak": { }
              },
              "Logging": { "LogLevel": { "Default": "Information" } }
            }
            """);

        var problems = SchemaChecker.Check(MergedSchema(), settings.RootElement);

        CollectionAssert.AreEquivalent(
            new[]
            {
                "MoniKit:Http:CaptureBodys: not allowed",
                "MoniKit:Http:MaxBodyBytes: String is not integer",
                "MoniKit:Logging:Console: 'Xml' is not one of [\"Json\",\"Text\",\"None\"]",
                "MoniKit:Slak: not allowed",
            },
            problems.ToArray(),
            string.Join("; ", problems));
    }

    private static JsonElement MergedSchema() =>
        SchemaChecker.Merge(Packages.Select(a => Repository.Path("src", a.GetName().Name!, "ConfigurationSchema.json")));

    private static JsonDocument ParseSettings(string json) =>
        JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private static IEnumerable<Type> OptionsTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("SectionName") is { IsLiteral: true });

    private static string? SectionOf(Type options)
    {
        var name = (string)options.GetField("SectionName")!.GetRawConstantValue()!;
        return name == MoniKitOptions.SectionName ? null : name;
    }

    private static bool IsRootProperty(string name) => typeof(MoniKitOptions).GetProperty(name) is not null;

    // The configuration binder's rule: public instance properties it can set, or collections it can fill.
    private static IEnumerable<PropertyInfo> BoundProperties(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetGetMethod() is not null && (p.GetSetMethod() is not null || typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string)));

    private static string Key(string? section, string name) =>
        section is null ? $"MoniKit:{name}" : $"MoniKit:{section}:{name}";

    private static void CheckEntry(string key, PropertyInfo property, object? value, JsonElement entry)
    {
        Assert.IsTrue(entry.TryGetProperty("description", out var description) && description.GetString()!.Contains("Default value", StringComparison.Ordinal), $"{key} describes its default");
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type.IsEnum)
        {
            CollectionAssert.AreEqual(Enum.GetNames(type).Where(n => !(type == typeof(Microsoft.Extensions.Logging.LogLevel) && n == "None")).ToList(), entry.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList(), key);
        }
        else
        {
            var expected = type == typeof(bool) ? "boolean" : type == typeof(int) ? "integer" : type == typeof(double) ? "number"
                : type == typeof(string) || type == typeof(TimeSpan) ? "string" : typeof(IDictionary).IsAssignableFrom(type) || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>) ? "object" : "array";
            Assert.AreEqual(expected, entry.GetProperty("type").GetString(), key);
        }

        if (value is null or IEnumerable and not string)
        {
            Assert.IsFalse(entry.TryGetProperty("default", out _), $"{key} has no fixed default");
            return;
        }

        var written = value switch
        {
            bool b => b ? "true" : "false",
            TimeSpan t => t.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };
        Assert.AreEqual(written, entry.GetProperty("default").ToString(), ignoreCase: true, key);
    }
}
