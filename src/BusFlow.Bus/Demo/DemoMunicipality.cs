using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using NodaTime;

namespace BusFlow.Bus.Demo;

/// <summary>
/// The fictional municipality Exempelby for demos, previews and tests: the setup file
/// examples/exempelby-demo.yaml, shipped in this assembly and imported as any municipality's file
/// is. The ids below are the file's, for the code and tests that name the demo's records.
/// </summary>
public static class DemoMunicipality
{
    /// <summary>The file's name as an import's problems and recorded decisions name it.</summary>
    public const string File = "examples/exempelby-demo.yaml";

    public const string OrganizationId = "exempelby";
    public const string Name = "Exempelby kommun";

    /// <summary>Region Exempel: its contact is co-opted to the working group.</summary>
    public const string RegionId = "region-exempel";

    /// <summary>Socialnämnden.</summary>
    public const string SocialBoardId = "sn";

    /// <summary>Barn- och ungdomsnämnden.</summary>
    public const string ChildrenAndYouthBoardId = "bun";

    /// <summary>Kultur- och utbildningsnämnden.</summary>
    public const string CultureAndEducationBoardId = "kun";

    /// <summary>Kommunstyrelsen, the municipal executive board: not a party, but the decisions are sent to it.</summary>
    public const string ExecutiveBoardId = "ks";

    public const string SteeringGroupId = "styrgrupp";
    public const string ManagementGroupId = "ledningsgrupp";
    public const string WorkingGroupId = "arbetsgrupp";
    public const string PresidiumId = "presidiemote";

    public const string AgreementId = "bus-2023-2026";
    public const string AgreementTitle = "Samverkansöverenskommelse BUS 2023–2026";

    /// <summary>The boards that are parties to the agreement, in the order of the presidium's rotation.</summary>
    public static IReadOnlyList<string> PartyBoardIds { get; } = [SocialBoardId, ChildrenAndYouthBoardId, CultureAndEducationBoardId];

    /// <summary>The setup file's text.</summary>
    public static string Text { get; } = ReadText();

    /// <summary>
    /// Imports the demo unless it is there already (organization <see cref="OrganizationId"/>). The
    /// records are written when the session of <paramref name="records"/> commits.
    /// </summary>
    /// <param name="now">When the records are written: the recording time of the demo's decisions.</param>
    /// <returns>Whether it was added now; false when it was there already.</returns>
    public static async Task<bool> SeedAsync(IBusRecords records, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (await records.FindOrganizationAsync(OrganizationId, ct) is not null)
        {
            return false;
        }

        // The demo is a snapshot with its history: its plans start in January 2026 whatever the day
        // it is imported on, so no meeting of it counts as written backwards.
        var result = await SetupImport.ImportAsync(records, File, Text, SetupRules.FirstDay, now, ct);
        return result.Succeeded
            ? true
            : throw new InvalidOperationException($"The shipped demo does not import: {string.Join("; ", result.Problems)}");
    }

    private static string ReadText()
    {
        using var stream = typeof(DemoMunicipality).Assembly.GetManifestResourceStream("BusFlow.Bus.Demo.exempelby-demo.yaml")
            ?? throw new InvalidOperationException("The demo's setup file is not in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
