using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Model;

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("journal");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedOnAdd();
        builder.Property(j => j.DataJson).HasColumnType("text");

        // Two writers appending the same sequence number to one instance is a lost race, not a duplicate line.
        builder.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();

        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(j => j.InstanceId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
