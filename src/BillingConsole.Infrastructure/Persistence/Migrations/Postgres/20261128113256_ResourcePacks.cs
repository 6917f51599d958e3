using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillingConsole.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResourcePacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GrantedBy",
                table: "ResourcePacks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourcePacks_OneTrialPerType",
                table: "ResourcePacks",
                columns: new[] { "AccountId", "PackTypeCode" },
                unique: true,
                filter: "\"Origin\" = 'Trial'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResourcePacks_OneTrialPerType",
                table: "ResourcePacks");

            migrationBuilder.DropColumn(
                name: "GrantedBy",
                table: "ResourcePacks");
        }
    }
}
