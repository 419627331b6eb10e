using System.Runtime.Versioning;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Security;

/// <summary>On the embedded default, what holds secrets is readable by the service's user only.</summary>
[UnsupportedOSPlatform("windows")] // Windows has access lists, not these modes.
public sealed class FileModeTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task The_database_its_journal_files_the_key_files_and_the_written_mail_are_the_service_users_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-modes-{Guid.NewGuid():N}");
        var data = Path.Combine(folder, "data");
        await using var database = SqliteTestDatabase.Create();
        try
        {
            await using var demo = await DemoMailHost.StartAsync(database, folder, new Dictionary<string, string?>
            {
                // The key file (and the certificate beside it) instead of a configured key, as on the embedded default.
                ["BusFlow:Links:Key"] = "",
                ["BusFlow:Links:KeyFile"] = Path.Combine(data, "link.key"),
            });
            var mails = await demo.DeliverAllAsync();

            var db = Path.Combine(database.DirectoryPath, "busflow.db");
            // The -wal and -shm files exist while a connection is open; SQLite gives them the database file's mode.
            await using var connection = database.CreateConnection();
            await connection.OpenAsync();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT COUNT(*) FROM outbox";
                await read.ExecuteScalarAsync();
            }

            Assert.NotEmpty(mails);
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(database.DirectoryPath));
            Assert.All(new[] { db, db + "-wal", db + "-shm" }, file => Assert.Equal((file, OwnerReadWrite), (file, File.GetUnixFileMode(file))));
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(data));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(data, "link.key")));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(data, "dataprotection.pfx")));
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(demo.MailFolder));
            Assert.All(Directory.EnumerateFiles(demo.MailFolder), file => Assert.Equal((file, OwnerReadWrite), (file, File.GetUnixFileMode(file))));
        }
        finally
        {
            await HostTeardown.DisposeAsync(null, null, null, folder);
        }
    }

    [Fact]
    public async Task A_data_folder_and_key_file_left_readable_by_an_older_version_are_narrowed_at_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-modes-{Guid.NewGuid():N}");
        var data = Path.Combine(folder, "data");
        var key = Path.Combine(data, "link.key");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(key, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(key, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var database = SqliteTestDatabase.Create();
        try
        {
            await using var demo = await DemoMailHost.StartAsync(database, folder, new Dictionary<string, string?>
            {
                ["BusFlow:Links:Key"] = "",
                ["BusFlow:Links:KeyFile"] = key,
            });

            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(data));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(key));
        }
        finally
        {
            await HostTeardown.DisposeAsync(null, null, null, folder);
        }
    }
}
