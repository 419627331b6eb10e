using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SetupParties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "people",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "sv");

            migrationBuilder.AddColumn<string>(
                name: "organization_id",
                table: "collaboration_bodies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "body_id",
                table: "agreements",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cycle",
                table: "agreements",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "SpringAndAutumn");

            migrationBuilder.AddColumn<string>(
                name: "organization_id",
                table: "agreements",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agreement_parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<string>(type: "text", nullable: false),
                    board_id = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<string>(type: "text", nullable: true),
                    representative_id = table.Column<string>(type: "text", nullable: true),
                    involvement = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_parties", x => x.id);
                    table.CheckConstraint("ck_agreement_parties_board_or_organization", "(board_id IS NULL) <> (organization_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_agreement_parties_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreement_parties_boards_board_id",
                        column: x => x.board_id,
                        principalTable: "boards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreement_parties_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreement_parties_people_representative_id",
                        column: x => x.representative_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_collaboration_bodies_organization_id",
                table: "collaboration_bodies",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_organization_id",
                table: "agreements",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_parties_agreement_id_position",
                table: "agreement_parties",
                columns: new[] { "agreement_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_parties_board_id",
                table: "agreement_parties",
                column: "board_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_parties_organization_id",
                table: "agreement_parties",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_parties_representative_id",
                table: "agreement_parties",
                column: "representative_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_parties");

            migrationBuilder.DropIndex(
                name: "ix_collaboration_bodies_organization_id",
                table: "collaboration_bodies");

            migrationBuilder.DropIndex(
                name: "ix_agreements_organization_id",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "language",
                table: "people");

            migrationBuilder.DropColumn(
                name: "organization_id",
                table: "collaboration_bodies");

            migrationBuilder.DropColumn(
                name: "body_id",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "cycle",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "organization_id",
                table: "agreements");
        }
    }
}
