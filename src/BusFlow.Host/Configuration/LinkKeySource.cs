using BusFlow.Notifications.Links;

namespace BusFlow.Host.Configuration;

/// <summary>
/// Where the key for mailed links comes from: BusFlow:Links:Key (base64, at least 32 bytes), which
/// every node of an installation must share; otherwise a key file (BusFlow:Links:KeyFile, default
/// data/link.key) made on first start, which suits one node. Links stay valid as long as the key does.
/// </summary>
public static class LinkKeySource
{
    public const string DefaultKeyFile = "data/link.key";

    public static LinkKey Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(BusFlowSettings.Section).GetSection("Links");
        if (section["Key"] is { Length: > 0 } configured)
        {
            return new LinkKey(Decode(configured, "BusFlow:Links:Key"));
        }

        var file = section["KeyFile"] is { Length: > 0 } path ? path : DefaultKeyFile;
        if (File.Exists(file))
        {
            return new LinkKey(Decode(File.ReadAllText(file).Trim(), file));
        }

        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new LinkKey(key);
    }

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length >= 32 ? key : throw new InvalidOperationException($"The link key in {source} is {key.Length} bytes; it needs at least 32.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The link key in {source} is not base64.");
        }
    }
}
