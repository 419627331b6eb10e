namespace BusFlow.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding BusFlow.sln, found upwards from the test assembly.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "BusFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No BusFlow.sln above {AppContext.BaseDirectory}.");
    }
}
