using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillingConsole.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DailyBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Bills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UsageDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GrossUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundDownDiscountUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    PayableUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    OutstandingUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PaidAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bills_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpToDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BillsIssued = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeterCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UsageDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    PackDeductedQuantity = table.Column<long>(type: "INTEGER", nullable: false),
                    BillableQuantity = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitPriceUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    GrossUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    PayableUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundDownDiscountUnits = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BillLines_Bills_BillId",
                        column: x => x.BillId,
                        principalTable: "Bills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BillLines_BillId_MeterCode_UsageDay",
                table: "BillLines",
                columns: new[] { "BillId", "MeterCode", "UsageDay" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bills_AccountId_Status_UsageDay",
                table: "Bills",
                columns: new[] { "AccountId", "Status", "UsageDay" });

            migrationBuilder.CreateIndex(
                name: "IX_Bills_AccountId_UsageDay",
                table: "Bills",
                columns: new[] { "AccountId", "UsageDay" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRuns_StartedAtUtc",
                table: "SettlementRuns",
                column: "StartedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BillLines");

            migrationBuilder.DropTable(
                name: "SettlementRuns");

            migrationBuilder.DropTable(
                name: "Bills");
        }
    }
}
