using System.CommandLine;
using System.Globalization;
using BusFlow.Bus.Wheel;
using BusFlow.Storage;
using BusFlow.Web.Wheel;

namespace BusFlow.Host.Cli;

/// <summary>
/// `busflow arshjul --agreement ID --year 2027 --output wheel.svg`: writes an agreement's annual wheel
/// for a year from the configured database, as the page draws it: SVG, or PDF when the file ends in .pdf.
/// </summary>
internal static class WheelCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var agreement = new Option<string>("--agreement", "-a") { Description = "The agreement's id, e.g. bus-2023-2026.", Required = true };
        var year = new Option<int>("--year", "-y") { Description = $"The year, {YearWheelBuilder.FirstYear}–{YearWheelBuilder.LastYear}.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The file to write: PDF when it ends in .pdf, else SVG.", Required = true };
        var language = new Option<string>("--language", "-l") { Description = "sv (the default) or en.", DefaultValueFactory = _ => "sv" };
        var paper = new Option<string>("--paper") { Description = "The PDF's paper, in landscape: a4 (the default) or a3.", DefaultValueFactory = _ => "a4" };
        language.AcceptOnlyFromAmong("sv", "en");
        paper.AcceptOnlyFromAmong("a4", "a3");
        year.Validators.Add(result =>
        {
            if (!YearWheelBuilder.IsYear(result.GetValueOrDefault<int>()))
            {
                result.AddError($"--year must be a year from {YearWheelBuilder.FirstYear} to {YearWheelBuilder.LastYear}.");
            }
        });
        var command = new Command("arshjul", "Writes an agreement's annual wheel (årshjul) for a year as SVG or PDF: months, the collaboration's and the boards' meetings, deadlines, decision rounds, the renewal and the election.")
        {
            agreement, year, output, language, paper,
        };
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            var id = parse.GetValue(agreement)!;
            var file = parse.GetValue(output)!;
            await using var services = CommandServices.OnConfiguredDatabase(configuration).BuildServiceProvider();
            await BusFlowDatabase.MigrateAsync(services, ct);
            if (await services.GetRequiredService<YearWheelBuilder>().BuildAsync(id, parse.GetValue(year), ct) is not { } wheel)
            {
                await parse.Error().WriteLineAsync($"busflow: there is no agreement '{id}' (busflow export lists the agreements); nothing was written.");
                return 2;
            }

            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                var chosen = CultureInfo.GetCultureInfo(parse.GetValue(language) == "en" ? "en-GB" : "sv-SE");
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (chosen, chosen);
                var pdf = file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
                if (pdf)
                {
                    await File.WriteAllBytesAsync(file, YearWheelPdf.Draw(wheel, parse.GetValue(paper) == "a3" ? WheelPaper.A3 : WheelPaper.A4), ct);
                }
                else
                {
                    await File.WriteAllTextAsync(file, YearWheelSvg.Draw(wheel, standalone: true), ct);
                }
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            }

            await parse.Out().WriteLineAsync($"Wrote the annual wheel {wheel.Year} of {wheel.AgreementId} ({wheel.Entries.Count} entries) to {file}.");
            return 0;
        }));
        return command;
    }
}
