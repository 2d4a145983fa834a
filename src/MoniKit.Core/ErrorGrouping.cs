using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace MoniKit;

/// <summary>
/// Groups exceptions the way an error tracker does: one key per fault, whatever its message. The key is a stable hash
/// of the exception's type and the methods of its top in-app frames (never line numbers, offsets or messages), so the
/// same fault thrown with different messages or values shares a key, and a different throw site gets another.
/// </summary>
internal static class ErrorGrouping
{
    /// <summary>How many in-app frames, from the throw site up, make the key.</summary>
    public const int FrameCount = 5;

    // Frames of these namespaces are the framework's, not the application's; they decide the key only when an
    // exception has no frame of the application at all.
    private static readonly string[] FrameworkPrefixes = ["System.", "Microsoft.", "MoniKit.", "NLog.", "Npgsql.", "Dapper."];

    // One exception is usually keyed twice (its log line and its alert), and resolving the frames is the cost.
    private static readonly ConditionalWeakTable<Exception, string> Keys = [];

    /// <summary>The grouping key of <paramref name="exception"/>: 16 lower-case hex digits.</summary>
    /// <param name="exception">The exception, thrown or not (an exception never thrown is grouped by its type).</param>
    public static string GetKey(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Keys.GetValue(exception, Compute);
    }

    private static string Compute(Exception exception)
    {
        var text = new StringBuilder(256).Append(exception.GetType().FullName ?? exception.GetType().Name);
        var frames = new StackTrace(exception, fNeedFileInfo: false).GetFrames();
        var inApp = AppendFrames(text, frames, inAppOnly: true);
        if (inApp == 0)
        {
            AppendFrames(text, frames, inAppOnly: false);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static int AppendFrames(StringBuilder text, StackFrame[] frames, bool inAppOnly)
    {
        var count = 0;
        foreach (var frame in frames)
        {
            if (count == FrameCount)
            {
                break;
            }

            if (frame.GetMethod() is not { } method || method.DeclaringType is not { } type)
            {
                continue;
            }

            var name = MethodName(type, method);
            if (inAppOnly && IsFramework(name))
            {
                continue;
            }

            text.Append('\n').Append(name);
            count++;
        }

        return count;
    }

    // An async method runs as MoveNext of a compiler-generated state machine nested in the real type, and lambdas get
    // generated names with ordinals; both are reduced to names that read like the source and survive a rebuild.
    private static string MethodName(Type type, MethodBase method)
    {
        var typeName = type.FullName ?? type.Name;
        var methodName = method.Name;
        if (type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false) && type.DeclaringType is { } outer)
        {
            var generated = type.Name;
            typeName = outer.FullName ?? outer.Name;
            methodName = generated.StartsWith('<') && generated.IndexOf('>', StringComparison.Ordinal) is > 1 and var end
                ? generated[1..end]
                : methodName;
        }

        return typeName + "." + TrimOrdinals(methodName);
    }

    private static string TrimOrdinals(string name)
    {
        var marker = name.IndexOf("__", StringComparison.Ordinal);
        return marker < 0 ? name : name[..marker];
    }

    private static bool IsFramework(string name)
    {
        foreach (var prefix in FrameworkPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
