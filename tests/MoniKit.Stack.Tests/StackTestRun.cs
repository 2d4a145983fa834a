namespace MoniKit.Stack.Tests;

/// <summary>Removes what the test run rendered.</summary>
[TestClass]
public static class StackTestRun
{
    [AssemblyCleanup]
    public static void RemoveRenderedFolders()
    {
        TemplateRenderer.DeleteAll();
        Kubernetes.KubernetesRenderer.DeleteAll();
    }
}
