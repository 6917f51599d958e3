using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillingConsole.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TestLicenceSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TestSlot",
                table: "DeviceLicences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeviceLicences_AccountId_TestSlot",
                table: "DeviceLicences",
                columns: new[] { "AccountId", "TestSlot" },
                unique: true,
                filter: "\"TestSlot\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeviceLicences_AccountId_TestSlot",
                table: "DeviceLicences");

            migrationBuilder.DropColumn(
                name: "TestSlot",
                table: "DeviceLicences");
        }
    }
}
