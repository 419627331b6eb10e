using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Model;

internal sealed class TaskConfiguration : IEntityTypeConfiguration<HumanTask>
{
    public void Configure(EntityTypeBuilder<HumanTask> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Outcomes)
            .HasConversion(StringListConversion.Converter, StringListConversion.Comparer)
            .HasColumnType("text");
        builder.Property(t => t.DataJson).HasColumnType("text");
        builder.Property(t => t.Role).HasMaxLength(200);
        builder.Property(t => t.ReminderPolicyJson).HasColumnType("text");
        builder.Property(t => t.AnswerSpecJson).HasColumnType("text");
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.HasIndex(t => new { t.Assignee, t.Status });
        // The open tasks of a role's board or body (a reminder's count, the digest, the nightly hand-over):
        // the open ones stay few while closed ones pile up over the years.
        builder.HasIndex(t => new { t.Status, t.Role });
        builder.HasIndex(t => t.InstanceId);
        // No foreign key to bookmarks: a closed task outlives the bookmark it answered, as history.
        builder.HasIndex(t => t.BookmarkId);

        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(t => t.InstanceId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
