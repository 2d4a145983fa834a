namespace MoniKit.Templates.Tests.Stack;

/// <summary>The answer of Prometheus' <c>/api/v1/query</c>: an error, or the samples.</summary>
public sealed record PromQueryResult(string Expression, string? Error, IReadOnlyList<PromSample> Samples)
{
    public bool HasData => Error is null && Samples.Any(s => !double.IsNaN(s.Value));

    public double Sum => Samples.Sum(s => s.Value);

    public override string ToString() => Error ?? $"{Expression} => [{string.Join(", ", Samples)}]";
}
