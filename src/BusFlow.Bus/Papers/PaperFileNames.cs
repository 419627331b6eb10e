namespace BusFlow.Bus.Papers;

/// <summary>File names of papers: letters, digits, spaces, dots and dashes, so every mail client and file system takes them.</summary>
public static class PaperFileNames
{
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new string([.. text.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '§' ? c : '-')]).Trim();
        return kept.Length > 80 ? kept[..80] : kept;
    }
}
