using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Model;

internal sealed class TimerConfiguration : IEntityTypeConfiguration<DurableTimer>
{
    public void Configure(EntityTypeBuilder<DurableTimer> builder)
    {
        builder.ToTable("timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.Purpose).HasDefaultValue(TimerPurpose.Resume).HasSentinel(TimerPurpose.Resume);

        builder.HasIndex(t => new { t.Status, t.DueAt });
        // No foreign key to bookmarks: a timer row outlives the bookmark it woke, as history.
        builder.HasIndex(t => t.BookmarkId);
        // A task's pending reminders, cancelled when it closes.
        builder.HasIndex(t => t.TaskId);

        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(t => t.InstanceId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
