#!/usr/bin/env python3
"""Database file growth per million usage events, with and without raw-event retention (issue #22).

Usage: storage_growth.py <migrated-empty-billing.db> [millions-per-phase]

Copies the migrated (empty) SQLite database, then writes usage events with the app's own INSERT (SqliteUsageEventWriter:
ON CONFLICT DO NOTHING, hourly roll-up upsert, 1,000 events per transaction, WAL) for 100 accounts:
  no retention:   phases A, B, C appended; the file after each phase.
  with retention: phase A, then B while A's events are deleted in batches of 5,000 by id (what the raw-event-retention
                  job does once A is past Metering:RawEventRetention), then C while B's are deleted.
Sizes are measured after a WAL checkpoint (TRUNCATE). Not a timing benchmark; elapsed seconds are printed for scale only.
"""
import os, shutil, sqlite3, sys, tempfile, time, uuid
from datetime import datetime, timedelta

INSERT = """INSERT INTO UsageEvents (AccountId, EventId, MeterCode, SceneId, Outcome, OccurredAtUtc, UsageDay, Quantity,
  Billable, ReceivedAtUtc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (AccountId, EventId) DO NOTHING"""
UPSERT = """INSERT INTO UsageHourlyRollups (AccountId, MeterCode, HourStartUtc, UsageDay, BillableQuantity,
  NonBillableQuantity, BilledQuantity) VALUES (?, ?, ?, ?, ?, 0, 0) ON CONFLICT (AccountId, MeterCode, HourStartUtc)
  DO UPDATE SET BillableQuantity = BillableQuantity + excluded.BillableQuantity"""
ACCOUNTS = [str(uuid.uuid4()).upper() for _ in range(100)]
BATCH = 1000


def size(db):
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return os.path.getsize(db_path)


def write_phase(db, events, start, delete_below=None):
    """Writes `events` events from time `start`; optionally deletes ids below `delete_below` as it goes."""
    t = start
    step = timedelta(seconds=86400 * 30 / events)  # a phase spans 30 days
    cursor = 0
    for b in range(events // BATCH):
        account = ACCOUNTS[b % len(ACCOUNTS)]
        rows, hours = [], {}
        for i in range(BATCH):
            t += step
            when = t.strftime("%Y-%m-%d %H:%M:%S.%f")
            hour = t.strftime("%Y-%m-%d %H:00:00")
            rows.append((account, f"evt-{uuid.uuid4()}", "RP", None, "passed", when, t.strftime("%Y-%m-%d"), 1, 1, when))
            hours[hour] = hours.get(hour, 0) + 1
        with db:
            db.executemany(INSERT, rows)
            db.executemany(UPSERT, [(account, "RP", h, h[:10], q) for h, q in hours.items()])
        if delete_below is not None and cursor < delete_below:
            # Five deletes of 5,000 per 1,000 written keeps pace with a phase of the same size.
            for _ in range(5):
                if cursor >= delete_below:
                    break
                ids = [r[0] for r in db.execute(
                    "SELECT Id FROM UsageEvents WHERE Id > ? AND Id <= ? ORDER BY Id LIMIT 5000", (cursor, delete_below))]
                if not ids:
                    cursor = delete_below
                    break
                cursor = ids[-1]
                with db:
                    db.execute(f"DELETE FROM UsageEvents WHERE Id IN ({','.join(map(str, ids))})")
    return t


def max_id(db):
    return db.execute("SELECT COALESCE(MAX(Id), 0) FROM UsageEvents").fetchone()[0]


def run(template, per_phase, retention):
    global db_path
    folder = tempfile.mkdtemp(prefix="storage-growth-")
    db_path = os.path.join(folder, "billing.db")
    shutil.copy(template, db_path)
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.isolation_level = "DEFERRED"
    sizes = [size(db)]
    t = datetime(2025, 1, 1)
    started = time.time()
    previous_top = 0
    for phase in range(3):
        top_before = max_id(db)
        t = write_phase(db, per_phase, t, delete_below=previous_top if retention and phase > 0 else None)
        if retention and phase > 0:
            # Whatever of the previous phase is left once this phase is written.
            while db.execute("SELECT 1 FROM UsageEvents WHERE Id <= ? LIMIT 1", (previous_top,)).fetchone():
                with db:
                    db.execute("DELETE FROM UsageEvents WHERE Id IN (SELECT Id FROM UsageEvents WHERE Id <= ? ORDER BY Id LIMIT 5000)", (previous_top,))
        previous_top = max_id(db)
        sizes.append(size(db))
    events = db.execute("SELECT COUNT(*) FROM UsageEvents").fetchone()[0]
    rollups = db.execute("SELECT COUNT(*) FROM UsageHourlyRollups").fetchone()[0]
    db.close()
    shutil.rmtree(folder)
    return sizes, events, rollups, time.time() - started


if __name__ == "__main__":
    template = sys.argv[1]
    per_phase = int(float(sys.argv[2] if len(sys.argv) > 2 else "1") * 1_000_000)
    for retention in (False, True):
        sizes, events, rollups, elapsed = run(template, per_phase, retention)
        growth = [(sizes[i + 1] - sizes[i]) / 1e6 for i in range(3)]
        print(f"{'with' if retention else 'without'} retention: file {', '.join(f'{s / 1e6:.1f}' for s in sizes)} MB "
              f"after 0/1/2/3 phases of {per_phase:,} events; growth per phase {', '.join(f'{g:.1f}' for g in growth)} MB; "
              f"{events:,} raw events and {rollups:,} roll-ups left; {elapsed:.0f} s")
