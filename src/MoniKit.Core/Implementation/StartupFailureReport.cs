using Microsoft.Extensions.Options;

namespace MoniKit.Implementation;

/// <summary>
/// What a person reads when a service cannot start: one line with the key and the reason first, then the exception
/// as the runtime would print it, every line with its control characters escaped.
/// </summary>
internal static class StartupFailureReport
{
    /// <summary><c>EX_CONFIG</c> of sysexits.h: a setting is wrong, so restarting as it is will fail the same way.</summary>
    public const int ConfigurationErrorExitCode = 78;

    /// <summary>Any other failure.</summary>
    public const int FailureExitCode = 1;

    private const int MaxFirstLineLength = 4000;

    /// <summary>Writes the report and returns the exit code the process should end with.</summary>
    public static int Write(Exception exception, TextWriter writer)
    {
        writer.WriteLine(FirstLine(exception));
        foreach (var line in ("Unhandled exception. " + exception).Split('\n'))
        {
            writer.WriteLine(SafeText.EscapeControlCharacters(line.TrimEnd('\r')));
        }

        writer.Flush();
        return ExitCode(exception);
    }

    public static string FirstLine(Exception exception)
    {
        string reason;
        if (Find<MoniKitConfigurationException>(exception) is { } configuration)
        {
            reason = string.Join("; ", configuration.Failures);
        }
        else if (Find<OptionsValidationException>(exception) is { } options)
        {
            reason = string.Join("; ", options.Failures);
        }
        else
        {
            var cause = Unwrap(exception);
            reason = $"{cause.GetType().Name}: {cause.Message}";
        }

        return SafeText.Truncate(SafeText.EscapeControlCharacters("The service cannot start: " + reason), MaxFirstLineLength);
    }

    public static int ExitCode(Exception exception) =>
        Find<MoniKitConfigurationException>(exception) is not null || Find<OptionsValidationException>(exception) is not null
            ? ConfigurationErrorExitCode
            : FailureExitCode;

    private static T? Find<T>(Exception? exception)
        where T : Exception => exception switch
        {
            null => null,
            T found => found,
            AggregateException aggregate => aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null),
            _ => Find<T>(exception.InnerException),
        };

    // Wrappers say nothing of their own; the exception they carry does.
    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
