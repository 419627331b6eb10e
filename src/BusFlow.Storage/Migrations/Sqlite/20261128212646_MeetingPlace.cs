using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "place",
                table: "board_meetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "place",
                table: "board_meetings");
        }
    }
}
