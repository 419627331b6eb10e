using System.Text;
using BusFlow.Bus.Wheel;
using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace BusFlow.Web.Wheel;

/// <summary>
/// The wheel as a one-page PDF in landscape: the same SVG the page shows, drawn as vectors by Svg.Skia
/// into Skia's PDF document, with its text in DejaVu Sans (embedded) where the machine has it.
/// </summary>
public static class YearWheelPdf
{
    /// <summary>Where Debian (fonts-dejavu-core) and most Linux distributions keep DejaVu Sans, regular and bold.</summary>
    private static readonly string[] FontFolders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
    ];

    /// <summary>A margin of about 1 cm, in points.</summary>
    private const float Margin = 28;

    public static byte[] Draw(YearWheel wheel, WheelPaper paper)
    {
        ArgumentNullException.ThrowIfNull(wheel);
        var (width, height) = paper == WheelPaper.A3 ? (1191f, 842f) : (842f, 595f);
        using var svg = new SKSvg();
        // Without fontconfig Skia finds no font of its own: each face is given by file, and a face missing draws no text in it.
        foreach (var face in new[] { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" })
        {
            if (FontFolders.Select(folder => Path.Combine(folder, face)).FirstOrDefault(File.Exists) is { } font)
            {
                svg.Settings.TypefaceProviders?.Insert(0, new CustomTypefaceProvider(font));
            }
        }

        using var source = new MemoryStream(Encoding.UTF8.GetBytes(YearWheelSvg.Draw(wheel, standalone: true)));
        var picture = svg.Load(source) ?? throw new InvalidOperationException("The wheel's SVG could not be drawn.");
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = wheel.AgreementTitle, Creator = "BusFlow" }))
        {
            var canvas = document.BeginPage(width, height);
            var scale = Math.Min((width - (2 * Margin)) / YearWheelSvg.Width, (height - (2 * Margin)) / YearWheelSvg.Height);
            canvas.Translate((width - (YearWheelSvg.Width * scale)) / 2, (height - (YearWheelSvg.Height * scale)) / 2);
            canvas.Scale(scale);
            canvas.DrawPicture(picture);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }
}
