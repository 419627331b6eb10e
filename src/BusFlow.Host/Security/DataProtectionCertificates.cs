using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BusFlow.Engine.Files;
using BusFlow.Host.Configuration;

namespace BusFlow.Host.Security;

/// <summary>
/// The certificate that encrypts ASP.NET Core's data-protection keys before they go into the
/// database, and earlier ones that still decrypt keys they encrypted. From
/// BusFlow:DataProtection:Certificate (a .pfx, with CertificatePassword), which every node of an
/// installation must share; otherwise a certificate BusFlow makes itself beside the link key file
/// (data/dataprotection.pfx, 0600), which suits one node.
/// </summary>
public sealed class DataProtectionCertificates
{
    public const string DefaultFileName = "dataprotection.pfx";

    private DataProtectionCertificates(X509Certificate2 current, IReadOnlyList<X509Certificate2> previous)
    {
        Current = current;
        Previous = previous;
    }

    /// <summary>Encrypts new keys, and decrypts them.</summary>
    public X509Certificate2 Current { get; }

    /// <summary>After a rollover: certificates that only decrypt keys encrypted before (BusFlow:DataProtection:PreviousCertificates).</summary>
    public IReadOnlyList<X509Certificate2> Previous { get; }

    public IEnumerable<X509Certificate2> All => [Current, .. Previous];

    public static DataProtectionCertificates Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(BusFlowSettings.Section).GetSection("DataProtection");
        var previous = section.GetSection("PreviousCertificates").GetChildren()
            .Select(entry => LoadFile(entry["Path"] ?? entry.Value ?? "", entry["Password"], "BusFlow:DataProtection:PreviousCertificates"))
            .ToList();
        if (section["Certificate"] is { Length: > 0 } configured)
        {
            return new DataProtectionCertificates(LoadFile(configured, section["CertificatePassword"], "BusFlow:DataProtection:Certificate"), previous);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(LinkKeySource.KeyFileOf(configuration)))!;
        var file = Path.Combine(folder, DefaultFileName);
        PrivateFiles.OwnFolder(folder);
        if (File.Exists(file))
        {
            PrivateFiles.Restrict(file);
        }
        else
        {
            MakeSelfSigned(file);
        }

        return new DataProtectionCertificates(LoadFile(file, null, file), previous);
    }

    private static X509Certificate2 LoadFile(string path, string? password, string source)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The data-protection certificate '{path}' ({source}) does not exist.");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The data-protection certificate '{path}' ({source}) has no private key.");
        }
        catch (CryptographicException error)
        {
            throw new InvalidOperationException($"The data-protection certificate '{path}' ({source}) cannot be read (wrong password?): {error.Message}", error);
        }
    }

    /// <summary>
    /// A self-signed RSA certificate for encryption only, written 0600 under a temporary name and
    /// then moved into place, so two hosts starting at once end up with the same one.
    /// </summary>
    private static void MakeSelfSigned(string file)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=BusFlow data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var temporary = Path.Combine(Path.GetDirectoryName(file)!, $".{DefaultFileName}.{Guid.NewGuid():N}");
        using (var stream = PrivateFiles.Create(temporary))
        {
            stream.Write(certificate.Export(X509ContentType.Pkcs12));
        }

        try
        {
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }
    }
}
