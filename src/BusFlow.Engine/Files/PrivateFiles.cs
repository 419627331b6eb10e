namespace BusFlow.Engine.Files;

/// <summary>
/// Files and folders that only the service's own user may read: the database, key files, mail
/// written to a folder. On Windows the folder's access list decides, and these modes are not set.
/// </summary>
public static class PrivateFiles
{
    /// <summary>rw------- (0600).</summary>
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ (0700).</summary>
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder, and any missing parents, as 0700; a folder that exists is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyFolder);
    }

    /// <summary>
    /// Creates the folder as 0700, or narrows it to 0700 when it exists: for the folder BusFlow keeps
    /// its keys in. A folder of another user is left as it is.
    /// </summary>
    public static void OwnFolder(string path)
    {
        CreateFolder(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, OwnerOnlyFolder);
        }
        catch (UnauthorizedAccessException)
        {
            // Not the service user's folder: its owner decides who enters it.
        }
    }

    /// <summary>A new file, created as 0600 from the start (so that it is never readable by others, not even for a moment).</summary>
    public static FileStream Create(string path, FileMode mode = FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return new FileStream(path, options);
    }

    /// <summary>Narrows existing files to 0600; a path that does not exist, or a file of another user, is left as it is.</summary>
    public static void Restrict(params string[] paths)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in paths.Where(File.Exists))
        {
            try
            {
                File.SetUnixFileMode(path, OwnerOnlyFile);
            }
            catch (UnauthorizedAccessException)
            {
                // Not the service user's file: its owner decides who reads it.
            }
        }
    }
}
