"""``rasd analyze`` as a user runs it: a real process, real files, exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ..conftest import EXAMPLES, run_rasd, shared_file

ARTICLE = "استقبل الرئيس السيسي في القاهرة وزير الخارجية الأمريكي.\nوبحث الجانبان التعاون الثنائي."


def test_seed_json_title_removed_spans_sentences_tokens() -> None:
    seed = shared_file("data/seed/egypt-usa-security-cooperation.txt")
    proc = run_rasd("analyze", str(seed), "--tokens")
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    text = seed.read_text(encoding="utf-8")
    assert doc["text"] == text
    assert doc["title"] == text.splitlines()[0]
    assert [(r["reason"], text[r["start"] : r["end"]]) for r in doc["removed"]] == [
        ("caption", "الرئيس السيسي ونظيره الأمريكي - أرشيفية"),
        ("duplicate-line", "الرئيس السيسي ونظيره الأمريكي - أرشيفية"),
        ("widget", "ترشيحاتنا"),
    ]
    sentences = doc["sentences"]
    assert sentences[0]["is_title"] and len(sentences) == 8
    removed = [(r["start"], r["end"]) for r in doc["removed"]]
    n_tokens = 0
    for s in sentences:
        assert text[s["start"] : s["end"]] == s["text"]
        assert not any(s["start"] < e and b < s["end"] for b, e in removed)
        for t in s["tokens"]:
            n_tokens += 1
            assert text[t["start"] : t["end"]] == t["text"]
            assert s["start"] <= t["start"] < t["end"] <= s["end"]
            assert t["clitics"][0]["stem"] == t["norm"]
    assert n_tokens > 350
    words = {t["text"]: t for s in sentences for t in s["tokens"]}
    assert words["السيسى"]["norm"] == "السيسي"
    assert {"prefix": "وال", "stem": "ولايات", "suffix": ""} not in words["الولايات"]["clitics"]
    assert {"prefix": "ب", "stem": "منطقة", "suffix": ""} in words["بمنطقة"]["clitics"]


def test_examples_all_formats(tmp_path: Path) -> None:
    out = tmp_path / "docs.jsonl"
    proc = run_rasd("analyze", str(EXAMPLES), "--format", "jsonl", "--output", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == b"" and not (tmp_path / "docs.jsonl.part").exists()
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 5
    assert {d["encoding"] for d in docs} == {"utf-8", "cp1256"}
    assert [d["id"] for d in docs if d["id"].startswith("wire")] == [
        "wire-2015-07-26-01",
        "wire-2015-07-27-02",
    ]
    proc = run_rasd("analyze", str(EXAMPLES), "--format", "json")
    assert isinstance(json.loads(proc.stdout), list)
    table = run_rasd("analyze", str(EXAMPLES / "diplomatic-meeting.txt"), "--format", "table")
    assert table.returncode == 0 and "removed" in table.stdout.decode()


def test_stdin_text_and_jsonl() -> None:
    proc = run_rasd("analyze", "-", "--date", "2019-01-10", stdin=ARTICLE.encode())
    doc = json.loads(proc.stdout)
    assert proc.returncode == 0 and doc["date"] == "2019-01-10" and doc["text"] == ARTICLE
    lines = "\n".join(json.dumps({"id": f"x{i}", "text": ARTICLE}) for i in range(3))
    proc = run_rasd("analyze", "-", "--format", "jsonl", stdin=lines.encode())
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == ["x0", "x1", "x2"]


def test_partial_failure_exits_1_and_names_each_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("عنوان\n" + ARTICLE, encoding="utf-8")
    png = tmp_path / "pic.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "1", "text": "نص"}\n{"id": 2, "text": \n', encoding="utf-8")
    proc = run_rasd("analyze", str(good), str(png), str(corpus), "--format", "jsonl")
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert f"{png}: [R102]" in err and f"{corpus}:2: [R106]" in err
    assert "Traceback" not in err
    assert len(proc.stdout.splitlines()) == 2  # the good file and the good record


def test_usage_errors_exit_2() -> None:
    assert run_rasd("analyze").returncode == 2
    assert run_rasd("analyze", "x.txt", "--format", "xml").returncode == 2
    proc = run_rasd("analyze", "-", "--date", "10/01/2019", stdin=b"x")
    assert proc.returncode == 2 and b"--date must be YYYY-MM-DD" in proc.stderr


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    cfg = tmp_path / "rasd.toml"
    cfg.write_text("[input]\nmax_article_bytes = 'lots'\n", encoding="utf-8")
    proc = run_rasd("--config", str(cfg), "analyze", "-", stdin=b"x")
    assert proc.returncode == 2 and b"must be an integer" in proc.stderr


def test_parallel_jobs_give_the_same_output(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "text": ARTICLE + f" {i}"}) for i in range(150)]
    lines[70] = '{"id": "70", "text": '  # a broken line: reported by its number, the rest go on
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run_rasd("analyze", str(corpus), "--format", "jsonl", "--jobs", "1")
    two = run_rasd("analyze", str(corpus), "--format", "jsonl", "--jobs", "2")
    default = run_rasd("analyze", str(corpus), "--format", "jsonl")
    assert one.returncode == two.returncode == default.returncode == 1
    assert one.stdout == two.stdout == default.stdout and len(one.stdout.splitlines()) == 149
    assert one.stderr == two.stderr == default.stderr
    assert (
        b"c.jsonl:71:" in one.stderr and b"1 input(s) failed; 149 article(s) written" in one.stderr
    )


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"text": ARTICLE}) for _ in range(20)), encoding="utf-8")
    proc = run_rasd("analyze", str(corpus), "--format", "jsonl")
    assert proc.stderr == b""


def _start_on_workers(tmp_path: Path, **streams: Any) -> subprocess.Popen[bytes]:
    """``rasd analyze`` on two workers over a corpus long enough to keep them busy a while."""
    corpus = tmp_path / "c.jsonl"
    text = " ".join([ARTICLE] * 10)
    corpus.write_text(
        "\n".join(json.dumps({"id": str(i), "text": text}) for i in range(4000)) + "\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "rasd.cli.main", "analyze", str(corpus), "--format", "jsonl"]
    return subprocess.Popen([*command, "-j", "2"], **streams)


def _workers(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def test_a_killed_worker_ends_the_command_with_r901(tmp_path: Path) -> None:
    proc = _start_on_workers(tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while not workers and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        workers = _workers(proc.pid)
    assert workers, "no worker process started"
    time.sleep(0.5)
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=60)  # no hang
    assert proc.returncode == 1
    assert b"[R901] a worker process stopped" in stderr and b"Traceback" not in stderr


def test_a_reader_that_stops_early_leaves_no_worker_behind(tmp_path: Path) -> None:
    proc = _start_on_workers(tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    assert proc.stdout.read(100)  # like `rasd analyze … | head -c 100`
    workers = _workers(proc.pid)
    assert workers  # a corpus goes to worker processes
    proc.stdout.close()
    proc.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert not left, f"worker processes left running: {left}"
