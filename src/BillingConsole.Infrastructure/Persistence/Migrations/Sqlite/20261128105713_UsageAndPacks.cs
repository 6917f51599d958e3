using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillingConsole.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UsageAndPacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeviceLicences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeginsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsTest = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaidUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceLicences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceLicences_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PackDeductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillLineId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MeterCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UsageDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UsageStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsageEndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PeriodStartUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    RemainingBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    RemainingAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    DeductedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackDeductions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResourcePacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackTypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SpecId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cycle = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Remaining = table.Column<long>(type: "INTEGER", nullable: false),
                    Allowance = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodStartUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsumedTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    SpecQuantity = table.Column<long>(type: "INTEGER", nullable: false),
                    SpecPriceUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PurchasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UnsubscribedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PaidUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourcePacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourcePacks_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UsageEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    MeterCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SceneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsageDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    Billable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageHourlyRollups",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeterCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HourStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsageDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BillableQuantity = table.Column<long>(type: "INTEGER", nullable: false),
                    NonBillableQuantity = table.Column<long>(type: "INTEGER", nullable: false),
                    BilledQuantity = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageHourlyRollups", x => new { x.AccountId, x.MeterCode, x.HourStartUtc });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceLicences_AccountId",
                table: "DeviceLicences",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceLicences_AccountId_DeviceId",
                table: "DeviceLicences",
                columns: new[] { "AccountId", "DeviceId" },
                unique: true,
                filter: "\"DeviceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PackDeductions_AccountId_DeductedAtUtc",
                table: "PackDeductions",
                columns: new[] { "AccountId", "DeductedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PackDeductions_BillId",
                table: "PackDeductions",
                column: "BillId");

            migrationBuilder.CreateIndex(
                name: "IX_PackDeductions_PackId_PeriodStartUtc",
                table: "PackDeductions",
                columns: new[] { "PackId", "PeriodStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourcePacks_AccountId_PackTypeCode",
                table: "ResourcePacks",
                columns: new[] { "AccountId", "PackTypeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourcePacks_Status_ExpiresAtUtc",
                table: "ResourcePacks",
                columns: new[] { "Status", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageEvents_AccountId_EventId",
                table: "UsageEvents",
                columns: new[] { "AccountId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UsageHourlyRollups_UsageDay_AccountId",
                table: "UsageHourlyRollups",
                columns: new[] { "UsageDay", "AccountId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceLicences");

            migrationBuilder.DropTable(
                name: "PackDeductions");

            migrationBuilder.DropTable(
                name: "ResourcePacks");

            migrationBuilder.DropTable(
                name: "UsageEvents");

            migrationBuilder.DropTable(
                name: "UsageHourlyRollups");
        }
    }
}
