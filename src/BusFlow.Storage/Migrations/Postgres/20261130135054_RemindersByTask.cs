using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Postgres
{
    /// <summary>
    /// A task's pending reminders by its id: every answer to a task with reminders cancels those still to come.
    /// Reminders of tasks closed before this version stay pending and do nothing when they fire.
    /// </summary>
    public partial class RemindersByTask : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_timers_task_id",
                table: "timers",
                column: "task_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_timers_task_id",
                table: "timers");
        }
    }
}
