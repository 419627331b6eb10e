using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Model;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("workflow_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.InputJson).HasColumnType("text");
        builder.Property(i => i.StateJson).HasColumnType("text");
        builder.Property(i => i.OutputJson).HasColumnType("text");
        builder.Property(i => i.Version).IsConcurrencyToken();

        builder.HasIndex(i => new { i.DefinitionId, i.CorrelationKey })
            .IsUnique()
            .HasFilter("correlation_key IS NOT NULL");

        builder.HasOne<PublishedDefinition>()
            .WithMany()
            .HasForeignKey(i => new { i.DefinitionId, i.DefinitionVersion })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
