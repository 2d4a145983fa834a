using System.Text.Json;

namespace MoniKit.Alerting.Slack.Tests;

/// <summary>
/// Checks a webhook body against the Block Kit limits Slack answers <c>400 invalid_blocks</c> for: section text
/// 3,000 characters, at most 10 fields of 2,000, a header of 150, a context of 10 elements, a top-level <c>text</c> of
/// 4,000 and at most 50 blocks; every text non-empty.
/// </summary>
public static class SlackPayloadLimits
{
    public static void AssertWithin(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var text = root.GetProperty("text").GetString()!;
        Assert.IsTrue(text.Trim().Length > 0, "the text fallback is empty");
        Assert.IsLessThanOrEqualTo(4000, text.Length, "top-level text");
        var blocks = new List<JsonElement>();
        if (root.TryGetProperty("blocks", out var top))
        {
            blocks.AddRange(top.EnumerateArray());
        }

        if (root.TryGetProperty("attachments", out var attachments))
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                blocks.AddRange(attachment.GetProperty("blocks").EnumerateArray());
            }
        }

        Assert.IsLessThanOrEqualTo(50, blocks.Count, "blocks");
        foreach (var block in blocks)
        {
            switch (block.GetProperty("type").GetString())
            {
                case "section":
                    if (block.TryGetProperty("text", out var sectionText))
                    {
                        Within(sectionText, 3000, "section text");
                    }

                    if (block.TryGetProperty("fields", out var fields))
                    {
                        Assert.IsLessThanOrEqualTo(10, fields.GetArrayLength(), "fields in a section");
                        foreach (var field in fields.EnumerateArray())
                        {
                            Within(field, 2000, "field");
                        }
                    }

                    break;
                case "header":
                    Within(block.GetProperty("text"), 150, "header");
                    break;
                case "context":
                    var elements = block.GetProperty("elements");
                    Assert.IsLessThanOrEqualTo(10, elements.GetArrayLength(), "context elements");
                    foreach (var element in elements.EnumerateArray())
                    {
                        Within(element, 3000, "context element");
                    }

                    break;
                default:
                    Assert.Fail($"unexpected block type in {block}");
                    break;
            }
        }
    }

    private static void Within(JsonElement textObject, int max, string what)
    {
        var value = textObject.GetProperty("text").GetString()!;
        Assert.IsTrue(value.Trim().Length > 0, $"an empty {what}");
        Assert.IsLessThanOrEqualTo(max, value.Length, $"{what}: {value[..Math.Min(value.Length, 200)]}...");
        AssertNoBrokenEscapeOrSurrogate(value, what);
    }

    private static void AssertNoBrokenEscapeOrSurrogate(string value, string what)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                Assert.IsTrue(i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]), $"{what} has a split surrogate pair at {i}");
                i++;
            }
            else
            {
                Assert.IsFalse(char.IsLowSurrogate(value[i]), $"{what} has a lone low surrogate at {i}");
            }

            if (value[i] == '&')
            {
                var rest = value.AsSpan(i);
                Assert.IsTrue(rest.StartsWith("&amp;") || rest.StartsWith("&lt;") || rest.StartsWith("&gt;"), $"{what} has a cut or raw '&' at {i}");
            }
        }

        Assert.IsFalse(value.Contains('<', StringComparison.Ordinal) && !value.Contains("|View logs>", StringComparison.Ordinal), $"{what} has a raw '<'");
    }
}
