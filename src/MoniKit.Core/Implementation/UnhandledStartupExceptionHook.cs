namespace MoniKit.Implementation;

/// <summary>
/// Turns an exception that escapes <c>Main</c> (a bad setting, a port that cannot be bound) into one clear line on
/// standard error and a plain exit code, instead of the runtime's abort (exit 134) with the stack trace first.
/// Installed by the first MoniKit call; exceptions on other threads keep the runtime's own handling, crash dumps
/// included.
/// </summary>
internal static class UnhandledStartupExceptionHook
{
    private static int _mainThreadId;

    /// <summary>Installs the hook once, for the calling thread, unless it is a thread-pool thread.</summary>
    public static void Install()
    {
        if (Volatile.Read(ref _mainThreadId) != 0 || Thread.CurrentThread.IsThreadPoolThread)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _mainThreadId, Environment.CurrentManagedThreadId, 0) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        }
    }

    private static void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        if (!e.IsTerminating || e.ExceptionObject is not Exception exception || Environment.CurrentManagedThreadId != _mainThreadId)
        {
            return;
        }

        Environment.Exit(StartupFailureReport.Write(exception, Console.Error));
    }
}
