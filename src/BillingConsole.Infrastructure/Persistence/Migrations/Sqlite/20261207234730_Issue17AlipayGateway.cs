using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillingConsole.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue17AlipayGateway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PaidThrough",
                table: "Recharges",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GatewayEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RechargeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatewayEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GatewayRefunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WithdrawalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WithdrawalLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RechargeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    OutRequestNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatewayRefunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GatewayRefunds_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GatewayRefunds_Withdrawals_WithdrawalId",
                        column: x => x.WithdrawalId,
                        principalTable: "Withdrawals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GatewayEvents_AtUtc",
                table: "GatewayEvents",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_GatewayEvents_RechargeId_AtUtc",
                table: "GatewayEvents",
                columns: new[] { "RechargeId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_GatewayEvents_WithdrawalId_AtUtc",
                table: "GatewayEvents",
                columns: new[] { "WithdrawalId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_GatewayRefunds_AccountId",
                table: "GatewayRefunds",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_GatewayRefunds_OutRequestNo",
                table: "GatewayRefunds",
                column: "OutRequestNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GatewayRefunds_RechargeId",
                table: "GatewayRefunds",
                column: "RechargeId");

            migrationBuilder.CreateIndex(
                name: "IX_GatewayRefunds_Status_CreatedAtUtc",
                table: "GatewayRefunds",
                columns: new[] { "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_GatewayRefunds_WithdrawalId",
                table: "GatewayRefunds",
                column: "WithdrawalId");

            migrationBuilder.CreateIndex(
                name: "IX_GatewayRefunds_WithdrawalLineId",
                table: "GatewayRefunds",
                column: "WithdrawalLineId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GatewayEvents");

            migrationBuilder.DropTable(
                name: "GatewayRefunds");

            migrationBuilder.DropColumn(
                name: "PaidThrough",
                table: "Recharges");
        }
    }
}
