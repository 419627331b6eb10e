using BusFlow.Bus.Model;
using BusFlow.Storage.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Bus;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.PartyBoardIds)
            .HasConversion(StringListConversion.Converter, StringListConversion.Comparer)
            .HasColumnType("text");
        builder.Property(a => a.Recipients)
            .HasConversion(StringListConversion.Converter, StringListConversion.Comparer)
            .HasColumnType("text");
        builder.Property(a => a.Version).IsConcurrencyToken();

        // No foreign key: adding one to an existing table makes SQLite rebuild it outside the migration's
        // transaction, which a crash could leave half done. The setup file's checks keep the reference.
        builder.HasIndex(a => a.OrganizationId);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.ToTable("agreement_parties", table =>
            table.HasCheckConstraint("ck_agreement_parties_board_or_organization", "(board_id IS NULL) <> (organization_id IS NULL)"));
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.AgreementId, p.Position });

        builder.HasOne<Agreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Board>().WithMany().HasForeignKey(p => p.BoardId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.RepresentativeId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementRevisionConfiguration : IEntityTypeConfiguration<AgreementRevision>
{
    public void Configure(EntityTypeBuilder<AgreementRevision> builder)
    {
        builder.ToTable("agreement_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Note).HasColumnType("text");

        builder.HasOne<Agreement>()
            .WithMany()
            .HasForeignKey(r => r.AgreementId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartyDecisionConfiguration : IEntityTypeConfiguration<PartyDecision>
{
    public void Configure(EntityTypeBuilder<PartyDecision> builder)
    {
        builder.ToTable("party_decisions");
        builder.HasKey(d => d.Id);

        // Optional: a decision on a proposal that belongs to no agreement has no agreement id.
        builder.HasOne<Agreement>()
            .WithMany()
            .HasForeignKey(d => d.AgreementId)
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartySignatureConfiguration : IEntityTypeConfiguration<PartySignature>
{
    public void Configure(EntityTypeBuilder<PartySignature> builder)
    {
        builder.ToTable("party_signatures");
        builder.HasKey(s => s.Id);

        builder.HasOne<Agreement>()
            .WithMany()
            .HasForeignKey(s => s.AgreementId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
