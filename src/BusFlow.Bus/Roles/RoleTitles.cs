using BusFlow.Bus.Model;

namespace BusFlow.Bus.Roles;

/// <summary>Roles as people say them, in Swedish and in English.</summary>
public static class RoleTitles
{
    public static string Swedish(RoleKind role) => role switch
    {
        RoleKind.Chair => "ordförande",
        RoleKind.ViceChair => "vice ordförande",
        RoleKind.Secretary => "nämndsekreterare",
        RoleKind.HeadOfAdministration => "förvaltningschef",
        RoleKind.Member => "ledamot",
        RoleKind.CoOptedMember => "adjungerad ledamot",
        _ => role.ToString(),
    };

    public static string English(RoleKind role) => role switch
    {
        RoleKind.Chair => "chair",
        RoleKind.ViceChair => "vice chair",
        RoleKind.Secretary => "secretary",
        RoleKind.HeadOfAdministration => "head of administration",
        RoleKind.Member => "member",
        RoleKind.CoOptedMember => "co-opted member",
        _ => role.ToString(),
    };
}
