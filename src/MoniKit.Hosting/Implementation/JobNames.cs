using System.Text;

namespace MoniKit.Hosting.Implementation;

/// <summary>Job names: validated, and derived from a job type when none is given.</summary>
internal static class JobNames
{
    public const int MaxLength = 100;

    /// <summary><c>CleanupJob</c> becomes <c>cleanup</c>, <c>NightlyExportJob</c> becomes <c>nightly-export</c>.</summary>
    public static string FromType(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick > 0)
        {
            name = name[..tick];
        }

        if (name.Length > 3 && name.EndsWith("Job", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public static void Validate(string job, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job, parameterName);
        if (job.Length > MaxLength || job.Any(char.IsControl))
        {
            throw new ArgumentException($"A job name must be at most {MaxLength} printable characters (was '{job}').", parameterName);
        }
    }
}
