using System.Text.Json.Serialization;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>Serializes webhook payloads without reflection, in Slack's snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackPayload))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
