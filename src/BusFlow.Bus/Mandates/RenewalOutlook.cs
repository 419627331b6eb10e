using BusFlow.Bus.Model;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.Mandates;

/// <summary>
/// Where an agreement's renewal stands, in words for the administrator on the agreement's page: the
/// warnings of its timing against the election, a renewal under way, and a lapse the collaboration
/// goes on through.
/// </summary>
public static class RenewalOutlook
{
    /// <summary>The outlook in Swedish and English; empty for an agreement whose renewal is behind it or not yet a concern.</summary>
    public static IReadOnlyList<(string Swedish, string English)> For(Agreement agreement, Agreement? successor, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.Status is not (AgreementStatus.Active or AgreementStatus.Expired) || successor?.Status == AgreementStatus.Active)
        {
            return [];
        }

        List<(string, string)> lines = [];
        var renewalStarts = MandatePeriods.RenewalStarts(agreement.ValidUntil, MandatePeriods.DefaultRenewalLead);
        if (agreement.Status == AgreementStatus.Expired)
        {
            lines.Add((
                $"Överenskommelsen löpte ut {Iso(agreement.ValidUntil)} utan ny överenskommelse. Samverkan fortsätter under den utlöpta överenskommelsen medan förnyelsen pågår.",
                $"The agreement ended on {Iso(agreement.ValidUntil)} without a new agreement. The collaboration goes on under the lapsed agreement while the renewal goes on."));
        }
        else if (today >= renewalStarts)
        {
            var timing = MandatePeriods.CheckRenewal(agreement.ValidUntil, renewalStarts);
            if (timing.HasWarning)
            {
                lines.Add((timing.WarningSv!, timing.WarningEn!));
            }
        }

        if (successor is { Status: AgreementStatus.Draft or AgreementStatus.InDecision or AgreementStatus.Signed })
        {
            var (sv, en) = successor.Status switch
            {
                AgreementStatus.Signed => ("är beslutad och undertecknad", "is decided and signed"),
                AgreementStatus.InDecision => ("är ute för beslut hos parterna", "is with the parties for decision"),
                _ => ("tas fram", "is being drafted"),
            };
            lines.Add(($"{successor.Title} {sv}.", $"{successor.Title} {en}."));
        }

        return lines;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
