using BusFlow.Engine.Documents;

namespace BusFlow.Web.Pages.Documents;

/// <summary>The files a task form posts (fields "data.{name}"), for the signed-in page and the link page alike.</summary>
public static class PostedFiles
{
    /// <summary>Each file read up to one byte past the document limit, so a huge one is refused without being kept.</summary>
    public static async Task<IReadOnlyList<PostedFile>> ReadAsync(IFormCollection form, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var files = new List<PostedFile>();
        foreach (var file in form.Files.Where(f => f.Name.StartsWith("data.", StringComparison.Ordinal)))
        {
            await using var stream = file.OpenReadStream();
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while (content.Length <= maxBytes && (read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                content.Write(buffer, 0, read);
            }

            files.Add(new PostedFile(file.Name[5..], file.FileName, file.Length, content.ToArray()));
        }

        return files;
    }
}
