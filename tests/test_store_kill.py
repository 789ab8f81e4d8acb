"""A process SIGKILLed mid-ingest leaves a consistent store; re-running completes without duplicates."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eventdesk.store import EventStore

N_DOCS = 600
WORDS = [
    "village",
    "clash",
    "shelling",
    "drone",
    "town",
    "road",
    "market",
    "checkpoint",
    "army",
    "militia",
    "base",
    "strike",
]

# The child ingests a JSONL file through EventStore.ingest with a stand-in pipeline that builds
# two events per report (with claims and evidence), so each transaction has real work in it.
CHILD = textwrap.dedent(
    """
    import datetime
    import sys
    from eventdesk.ingest import read_paths
    from eventdesk.records import Claim, Event, Evidence
    from eventdesk.store import EventStore

    class Coder:
        version = "kill-test.v1"

    class Pipeline:
        coder = Coder()
        geocoder = None
        kinds = ("Armed clash", "Peaceful protest")

        def code(self, doc):
            n = int(doc.id[1:])
            events = []
            for i, kind in enumerate(self.kinds):
                events.append(Event(
                    event_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
                    country="Syria", iso=760, sub_event_type=kind, location=f"Place {n}-{i}",
                    latitude=-60 + (n % 120), longitude=-170 + (n // 120) * 3 + i,
                    notes=doc.text, document_ids=[doc.id],
                    claims=[Claim(claimant="SOHR", claim="clashes", fatalities=i, document_id=doc.id)],
                    evidence=[Evidence(field="notes", document_id=doc.id, start=0, end=5,
                                       quote=doc.text[:5])],
                ))
            return events

    with EventStore(sys.argv[1]) as store:
        summary = store.ingest(read_paths([sys.argv[2]]), Pipeline())
    print(summary.line())
    """
)


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as connection:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "reports.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        rng = random.Random(7)
        for i in range(N_DOCS):
            # random words, so no two reports look like reposts of each other
            text = " ".join(rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(25))
            out.write(json.dumps({"id": f"r{i:05d}", "text": text}) + "\n")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    db = tmp_path / "kill.db"
    url = f"sqlite:///{db}"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}

    child = subprocess.Popen([sys.executable, str(script), url, str(corpus)], env=env)
    deadline = time.monotonic() + 60
    while _count(db, "documents") < 50 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    assert child.poll() is None, "the child finished before it could be killed; raise N_DOCS"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    with EventStore(url) as store:
        partial = store.stats()
        assert 50 <= partial["documents"] < N_DOCS
        assert partial["events"] == 2 * partial["documents"]  # whole documents only
        assert partial["interrupted_runs"] == 1
        assert store.integrity_problems() == []

    rerun = subprocess.run(
        [sys.executable, str(script), url, str(corpus)], env=env, capture_output=True, text=True, check=True
    )
    assert f"{partial['documents']} already stored" in rerun.stdout

    with EventStore(url) as store:
        final = store.stats()
        assert final["documents"] == N_DOCS
        assert final["events"] == 2 * N_DOCS
        assert final["links"] == 2 * N_DOCS
        assert final["claims"] == 2 * N_DOCS
        assert store.integrity_problems() == []
    with sqlite3.connect(db) as connection:
        duplicates = connection.execute(
            "SELECT count(*) FROM (SELECT document_id, position FROM event_documents "
            "GROUP BY document_id, position HAVING count(*) > 1)"
        ).fetchone()[0]
    assert duplicates == 0
