using BusFlow.Bus.Model;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>A body for the audit log: its particulars and rotation by id, no names of people.</summary>
internal static class BodyAudit
{
    public static string Describe(string what, CollaborationBody body) =>
        $"{what}: {body.Name}, {body.Kind}, organization {body.OrganizationId}, agreement {body.AgreementId ?? "none"}, rotation "
        + (body.RotationStartYear is { } year ? $"{string.Join(" → ", body.RotationOrder.Select(slot => string.Join("+", slot)))} from {year}" : "none");
}
