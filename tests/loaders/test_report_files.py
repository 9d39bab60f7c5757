"""Report JSON files read with a helper process (loaders/report_files.py, issue 13 session
15): the same reports, errors and order as reading them one by one, and the reports the
helper validated are not validated again by the store."""
from __future__ import annotations

import json

from samspil.loaders import report_files, subworker, validate
from samspil.loaders.model import AgreementReport, Organisation, Plan, SourceRef


def _write(tmp_path, n: int) -> list:
    paths = []
    for i in range(n):
        doc = f"plan_{i:03d}.txt"
        r = AgreementReport(document=doc, plan=Plan(name=f"Plan {i}", sources=[SourceRef(document=doc, line=1, excerpt="x")]),
                            organisations=[Organisation(name=f"Forening {i}", sources=[SourceRef(document=doc, line=2, excerpt="y")])])
        p = tmp_path / f"{doc}.json"
        p.write_text(json.dumps(r.to_dict(), ensure_ascii=False), encoding="utf-8")
        paths.append(p)
    paths[3].write_text("{not json", encoding="utf-8")
    paths[7].write_text(json.dumps({"document": "x.txt", "organisations": [{"name": 5}]}), encoding="utf-8")
    paths[9].write_text(json.dumps({"document": "empty.txt"}), encoding="utf-8")    # finds nothing
    return paths


def _plain(results) -> list:
    return [(p, r.to_dict() if isinstance(r, AgreementReport) else (type(r).__name__, str(r)))
            for p, r in results]


def test_a_helper_reads_the_files_as_this_process_does(tmp_path, monkeypatch):
    paths = _write(tmp_path, 70)
    alone = _plain(report_files.read_report_files(paths))       # (fewer than HELPER_MIN)
    monkeypatch.setattr(report_files, "HELPER_MIN", 1)
    monkeypatch.setattr(report_files, "_CHUNK", 4)
    helped = []
    real = subworker.Worker.result

    def spy(self):
        value = real(self)
        helped.append(isinstance(value, list))
        return value
    monkeypatch.setattr(subworker.Worker, "result", spy)
    got = list(report_files.read_report_files(paths))
    assert _plain(got) == alone
    assert any(helped)                                  # the helper read some chunks
    assert [r[0] for _, r in alone if isinstance(r, tuple)] == [
        "InvalidReport", "InvalidReport", "NotAnAgreement"]
    checked = []
    monkeypatch.setattr(validate, "_validated", lambda data, doc: checked.append(doc))
    for _, r in got:
        if isinstance(r, AgreementReport):
            validate.check_report(r)
    assert checked == []                                # registered as validated


def test_without_a_helper_every_file_is_read_here(tmp_path, monkeypatch):
    paths = _write(tmp_path, 12)
    alone = _plain(report_files.read_report_files(paths))
    monkeypatch.setattr(report_files, "HELPER_MIN", 1)
    monkeypatch.setattr(subworker, "_BOOT", "import sys; sys.exit(3)")
    assert _plain(report_files.read_report_files(paths)) == alone
