using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Model;

internal sealed class DefinitionConfiguration : IEntityTypeConfiguration<PublishedDefinition>
{
    public void Configure(EntityTypeBuilder<PublishedDefinition> builder)
    {
        builder.ToTable("workflow_definitions");
        // Version here is the published version number, part of the key, not a row version.
        builder.HasKey(d => new { d.DefinitionId, d.Version });
        builder.Property(d => d.Version).ValueGeneratedNever();
        builder.Property(d => d.Json).HasColumnType("text");
    }
}
