using System.Diagnostics;

namespace BusFlow.Host.Tests.Faults;

/// <summary>
/// A small tmpfs of a test's own (mounted as root, as CI's Debian VM runs the tests) that the test
/// can fill up or turn read-only: the embedded database's disk failing under a running host.
/// chmod 0444 would not do: root writes to such a file anyway.
/// </summary>
public sealed class TinyFilesystem : IAsyncDisposable
{
    private string? _filler;

    private TinyFilesystem(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>A tmpfs of <paramref name="megabytes"/> MB mounted on <paramref name="folder"/> (made if missing).</summary>
    public static async Task<TinyFilesystem> MountAsync(string folder, int megabytes)
    {
        Assert.True(Environment.UserName == "root", "The disk fault tests mount a tmpfs and so must run as root (as ./test.sh does in CI).");
        Directory.CreateDirectory(folder);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "tmpfs", folder);
        return new TinyFilesystem(folder);
    }

    /// <summary>Writes a file until the filesystem has no byte left.</summary>
    public async Task FillAsync()
    {
        _filler = Path.Combine(Folder, "filler");
        var block = new byte[64 * 1024];
        await using var file = new FileStream(_filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                await file.WriteAsync(block);
            }
        }
        catch (IOException)
        {
            // No space left on device: the point. Smaller pieces fill the last block too.
        }

        for (var size = 4096; size >= 1; size /= 2)
        {
            try
            {
                while (true)
                {
                    await file.WriteAsync(block.AsMemory(0, size));
                }
            }
            catch (IOException)
            {
                // Full at this size: try a smaller one.
            }
        }
    }

    /// <summary>Deletes what <see cref="FillAsync"/> wrote.</summary>
    public void Free()
    {
        if (_filler is not null)
        {
            File.Delete(_filler);
            _filler = null;
        }
    }

    /// <summary>Remounts the filesystem read-only; retried while a file is still open for writing (EBUSY).</summary>
    public Task MakeReadOnlyAsync() => RemountAsync("remount,ro");

    public Task MakeWritableAsync() => RemountAsync("remount,rw");

    private async Task RemountAsync(string options)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunAsync("mount", "-o", options, Folder);
                return;
            }
            catch (InvalidOperationException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "--lazy", Folder);
        Directory.Delete(Folder);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }
    }
}
