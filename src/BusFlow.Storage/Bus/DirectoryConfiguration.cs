using BusFlow.Bus.Boards;
using BusFlow.Bus.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Bus;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
    }
}

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.ToTable("boards");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Code).HasMaxLength(BoardRules.CodeMaxLength);
        builder.Property(b => b.Name).HasMaxLength(BoardRules.NameMaxLength);

        // A code names one board within its organization (SN, BUN): lists and registration numbers rely on it.
        builder.HasIndex(b => new { b.OrganizationId, b.Code }).IsUnique();

        builder.HasOne<Organization>()
            .WithMany()
            .HasForeignKey(b => b.OrganizationId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BoardMeetingConfiguration : IEntityTypeConfiguration<BoardMeeting>
{
    public void Configure(EntityTypeBuilder<BoardMeeting> builder)
    {
        builder.ToTable("board_meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Place).HasMaxLength(200);

        // The meeting plan is read by board and date range; the index also serves the foreign key.
        builder.HasIndex(m => new { m.BoardId, m.Date });

        builder.HasOne<Board>()
            .WithMany()
            .HasForeignKey(m => m.BoardId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);

        // People entered before languages were recorded are written to in Swedish (the column's default, set by SetupParties).
        builder.Property(p => p.Language).HasMaxLength(8);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("role_assignments");
        builder.HasKey(r => r.Id);

        // Who holds a role is asked of a board or of a body: one index for each.
        builder.HasIndex(r => new { r.BoardId, r.Role });
        builder.HasIndex(r => new { r.BodyId, r.Role });

        builder.HasOne<Person>()
            .WithMany()
            .HasForeignKey(r => r.PersonId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollaborationBodyConfiguration : IEntityTypeConfiguration<CollaborationBody>
{
    public void Configure(EntityTypeBuilder<CollaborationBody> builder)
    {
        builder.ToTable("collaboration_bodies");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.RotationOrder)
            .HasConversion(RotationOrderConversion.Converter, RotationOrderConversion.Comparer)
            .HasColumnType("text");

        // No foreign key, as for an agreement's organization: SQLite would rebuild the table outside the migration's transaction.
        builder.HasIndex(b => b.OrganizationId);
    }
}
