using BusFlow.Engine.Files;
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

        var file = KeyFileOf(configuration);
        PrivateFiles.OwnFolder(Path.GetDirectoryName(Path.GetFullPath(file))!);
        if (File.Exists(file))
        {
            PrivateFiles.Restrict(file);
            return new LinkKey(Decode(File.ReadAllText(file).Trim(), file));
        }

        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        using (var stream = PrivateFiles.Create(file))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return new LinkKey(key);
    }

    /// <summary>Where the key file is, or would be (BusFlow:Links:KeyFile, default data/link.key); other keys are kept beside it.</summary>
    public static string KeyFileOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[$"{BusFlowSettings.Section}:Links:KeyFile"] is { Length: > 0 } path ? path : DefaultKeyFile;
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
