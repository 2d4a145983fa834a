using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>Writes the <c>error.*</c> fields of an event's exception; nothing an exception does can lose the line.</summary>
internal static class ExceptionFields
{
    public static void Append(StringBuilder target, Exception exception)
    {
        JsonText.AppendField(target, LogFields.ErrorType, exception.GetType().FullName ?? exception.GetType().Name);
        JsonText.AppendField(target, LogFields.ErrorMessage, exception.Message);
        string stackTrace;
        try
        {
            stackTrace = exception.ToString();
        }
#pragma warning disable CA1031 // An exception whose ToString fails must still be logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stackTrace = exception.StackTrace + Environment.NewLine + "(ToString() threw " + ex.GetType().FullName + ")";
        }

        JsonText.AppendField(target, LogFields.ErrorStackTrace, stackTrace);
        string? groupingKey;
        try
        {
            groupingKey = ErrorGrouping.GetKey(exception);
        }
#pragma warning disable CA1031 // A stack that cannot be read (a broken frame, a trimmed method) leaves the line without a group.
        catch (Exception)
#pragma warning restore CA1031
        {
            groupingKey = null;
        }

        if (groupingKey is not null)
        {
            JsonText.AppendField(target, LogFields.ErrorGroupingKey, groupingKey);
        }
    }
}
