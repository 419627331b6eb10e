using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "boards",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "boards",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

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

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "boards",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "boards",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(12)",
                oldMaxLength: 12);

            migrationBuilder.CreateIndex(
                name: "ix_boards_organization_id",
                table: "boards",
                column: "organization_id");
        }
    }
}
