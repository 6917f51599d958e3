using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillingConsole.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnbilledRollupsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UsageHourlyRollups_UsageDay_AccountId",
                table: "UsageHourlyRollups");

            migrationBuilder.CreateIndex(
                name: "IX_UsageHourlyRollups_Unbilled",
                table: "UsageHourlyRollups",
                columns: new[] { "UsageDay", "AccountId", "BillableQuantity", "BilledQuantity" },
                filter: "\"BillableQuantity\" > \"BilledQuantity\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UsageHourlyRollups_Unbilled",
                table: "UsageHourlyRollups");

            migrationBuilder.CreateIndex(
                name: "IX_UsageHourlyRollups_UsageDay_AccountId",
                table: "UsageHourlyRollups",
                columns: new[] { "UsageDay", "AccountId" });
        }
    }
}
