namespace MoniKit.Templates.Tests.Infrastructure;

/// <summary>
/// Removes what a test run generated (packages, template hive, projects with their builds), which would otherwise
/// pile up in the temp folder run after run. Set MONIKIT_KEEP_TEST_OUTPUT=1 to keep it for a look.
/// </summary>
[TestClass]
public static class TestRunCleanup
{
    [AssemblyCleanup]
    public static void RemoveWorkRoot()
    {
        if (Environment.GetEnvironmentVariable("MONIKIT_KEEP_TEST_OUTPUT") is { Length: > 0 } || !Directory.Exists(TemplatePack.WorkRoot))
        {
            return;
        }

        try
        {
            Directory.Delete(TemplatePack.WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; the temp folder is cleaned eventually anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
