using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Sqlite
{
    /// <summary>
    /// Two lookups that read whole tables, which grow with the years and the collaborations served:
    /// the open tasks of a role's board or body (status, then role), and a person by e-mail address,
    /// case-insensitively, as every task mail and reminder asks for its recipient (lower(email)).
    /// EF Core's model has no expression indexes, so the second lives in this migration only.
    /// </summary>
    public partial class OpenTasksByRoleAndPeopleByEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_tasks_status_role",
                table: "tasks",
                columns: new[] { "status", "role" });

            migrationBuilder.Sql("CREATE INDEX ix_people_lower_email ON people (lower(email));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_people_lower_email;");

            migrationBuilder.DropIndex(
                name: "ix_tasks_status_role",
                table: "tasks");
        }
    }
}
