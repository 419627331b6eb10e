namespace BusFlow.Host.Security;

/// <summary>
/// Request paths as the log may show them: the secret in a task link (/t/{secret}), an unsubscribe
/// link (/unsubscribe/{secret}), a shortcoming report link (/avvikelse/{secret}) or a calendar feed
/// (/feeds/{secret}.ics) is replaced by [redacted],
/// since whoever reads the log could otherwise open what the link opens.
/// </summary>
public static class SecretPaths
{
    public const string Redacted = "[redacted]";

    /// <summary>The fixed pages under /t/ that carry no secret in their path.</summary>
    private const string CodePage = "kod";

    public static string Redact(PathString path)
    {
        var segments = (path.Value ?? "").Split('/');
        // "/t/x" splits into "", "t", "x": the secret is the third segment. Routing ignores case, so this does too.
        if (segments.Length < 3 || segments[0].Length != 0)
        {
            return path.Value ?? "";
        }

        var area = segments[1];
        if ((Is(area, "t") && !Is(segments[2], CodePage)) || Is(area, "unsubscribe") || Is(area, "avvikelse"))
        {
            segments[2] = Redacted;
        }
        else if (Is(area, "feeds") && segments.Length == 3)
        {
            segments[2] = segments[2].EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? Redacted + ".ics" : Redacted;
        }

        return string.Join('/', segments);
    }

    private static bool Is(string segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);
}
