using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Model;

internal sealed class JournalBatchConfiguration : IEntityTypeConfiguration<JournalBatch>
{
    public void Configure(EntityTypeBuilder<JournalBatch> builder)
    {
        builder.ToTable("journal_batches");

        // Two writers appending from the same sequence number to one instance is a lost race, not a duplicate batch.
        builder.HasKey(b => new { b.InstanceId, b.FirstSequence });
        builder.Property(b => b.Lines).HasColumnType("text");

        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(b => b.InstanceId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
