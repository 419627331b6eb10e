using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Bus;

/// <summary>The tables of the BUS records (BusFlow.Bus.Model), beside the workflow tables in the same database.</summary>
internal static class BusMapping
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OrganizationConfiguration());
        modelBuilder.ApplyConfiguration(new BoardConfiguration());
        modelBuilder.ApplyConfiguration(new BoardMeetingConfiguration());
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
        modelBuilder.ApplyConfiguration(new RoleAssignmentConfiguration());
        modelBuilder.ApplyConfiguration(new CollaborationBodyConfiguration());
        modelBuilder.ApplyConfiguration(new AgreementConfiguration());
        modelBuilder.ApplyConfiguration(new AgreementPartyConfiguration());
        modelBuilder.ApplyConfiguration(new AgreementRevisionConfiguration());
        modelBuilder.ApplyConfiguration(new PartyDecisionConfiguration());
        modelBuilder.ApplyConfiguration(new PartySignatureConfiguration());
    }
}
