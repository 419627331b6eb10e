using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_boards_organization_id",
                table: "boards");

            migrationBuilder.CreateIndex(
                name: "ix_boards_organization_id_code",
                table: "boards",
                columns: new[] { "organization_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_boards_organization_id_code",
                table: "boards");

            migrationBuilder.CreateIndex(
                name: "ix_boards_organization_id",
                table: "boards",
                column: "organization_id");
        }
    }
}
