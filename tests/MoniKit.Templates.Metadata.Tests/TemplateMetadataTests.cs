namespace MoniKit.Templates.Metadata.Tests;

/// <summary>Every template.json of the pack is complete by the template engine's authoring rules (<see cref="AuthoringRules"/>).</summary>
[TestClass]
public sealed class TemplateMetadataTests
{
    /// <summary>
    /// Rules a template breaks on purpose. monikit-stack generates no project, so nothing in its content stands for the
    /// name given with -n: a sourceName would replace nothing (MV005 is an info-level rule).
    /// </summary>
    private static readonly (string Template, string Code)[] Waived = [("monikit-stack", "MV005")];

    public static IEnumerable<object[]> Templates => TemplateConfig.All.Select(t => new object[] { t });

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateJson_AuthoringRules_AllPass(string name)
    {
        var template = TemplateConfig.Of(name);

        var findings = AuthoringRules.Check(template.TemplateJson, template.Root).Where(f => !Waived.Contains((name, f.Code))).ToList();

        Assert.AreEqual(0, findings.Count, $"{name}:\n{string.Join("\n", findings)}");
    }

    [TestMethod]
    public void TemplateJson_WaivedRules_StillBroken()
    {
        foreach (var (name, code) in Waived)
        {
            var template = TemplateConfig.Of(name);
            Assert.IsTrue(
                AuthoringRules.Check(template.TemplateJson, template.Root).Any(f => f.Code == code),
                $"{name} passes {code} now: remove its waiver");
        }
    }

    [TestMethod]
    public void TemplateJson_Identities_UniqueAcrossThePack()
    {
        var templates = TemplateConfig.All.Select(t => TemplateConfig.Of(t).TemplateJson).ToList();

        foreach (var property in new[] { "identity", "groupIdentity", "shortName" })
        {
            var values = templates.Select(t => t.GetString(property)).ToList();
            Assert.AreEqual(values.Count, values.Distinct().Count(), $"{property}: {string.Join(", ", values)}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateJson_SourceNameAndReplacements_EachMatchesStagedContent(string name)
    {
        var template = TemplateConfig.Of(name);
        var json = template.TemplateJson;
        var files = template.StagedFiles();
        List<(string Where, string Literal)> literals = [];
        if (json.GetString("sourceName") is { } sourceName)
        {
            literals.Add(("sourceName", sourceName));
        }

        foreach (var (symbol, definition) in json.Members("symbols"))
        {
            foreach (var property in new[] { "replaces", "fileRename" })
            {
                if (definition.GetString(property) is { } literal)
                {
                    literals.Add(($"symbols/{symbol}/{property}", literal));
                }
            }
        }

        var dead = literals
            .Where(l => !files.Any(f => f.Key.Contains(l.Literal, StringComparison.Ordinal) || f.Value.Contains(l.Literal, StringComparison.Ordinal)))
            .Select(l => $"{l.Where} = '{l.Literal}' appears in no file the pack stages into {name}")
            .ToList();
        Assert.AreEqual(0, dead.Count, string.Join("\n", dead));
    }

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateJson_PostActionsAndManualInstructions_HaveIdsForLocalization(string name)
    {
        foreach (var action in TemplateConfig.Of(name).TemplateJson.Objects("postActions"))
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(action.GetString("id")), $"{name}: a post action has no id:\n{action}");
            foreach (var instruction in action.Objects("manualInstructions"))
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(instruction.GetString("id")), $"{name}: a manual instruction has no id:\n{action}");
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void TemplateJson_EveryOption_HasADisplayNameAndADescription(string name)
    {
        var missing = TemplateConfig.Of(name).TemplateJson.Members("symbols")
            .Where(s => s.Value.GetString("type") == "parameter")
            .SelectMany(s => new[] { "displayName", "description" }.Where(p => string.IsNullOrWhiteSpace(s.Value.GetString(p))).Select(p => $"{s.Key}/{p}"))
            .ToList();

        Assert.AreEqual(0, missing.Count, $"{name}: {string.Join(", ", missing)}");
    }
}
