"""Report files as a load reads them (loaders/validate.py): parsed by orjson where it
gives the standard parser's values, and a validated report's dict the one it was made
from (issue 13, session 16: both cut the save's CPU time, neither changes what is stored)."""
from __future__ import annotations

import json

import pytest

from samspil.loaders.validate import (InvalidReport, _long_digits, _parse, check_report,
                                      read_report_file, validate_report)


@pytest.mark.parametrize("text", [
    '{"a": 1, "a": 2}',
    '[1.5e-7, -0.0, 1E5, 1e+23, 18446744073709551615, -9223372036854775808]',
    '[123456789012345678901234567890, -9223372036854775809]',      # beyond 64 bits
    '{"x": "\\u001f\\u007f \\"æøå\\" \\ud83d\\ude00"}',
    '[NaN, Infinity, -Infinity, 1e400]',
    '"\\ud800"',                                                     # a lone surrogate
    ' {"nested": [[[[[]]]]]} ',
])
def test_parsed_values_are_the_standard_parser_s(text):
    got, want = _parse(text), json.loads(text)
    assert repr(got) == repr(want)            # (NaN != NaN: compared as text, with types)
    assert [type(x) for x in got] == [type(x) for x in want] if isinstance(want, list) else True


@pytest.mark.parametrize("text, long", [
    ("1234567890123456789", True), ("123456789012345678", False),
    ('[1, 123456789012345678, 2, "x1234567890123456789y"]', True),
    ("12345678901234567890" * 3 + "æ", True), ("æøå 123456789 0123456789", False),
    ("\ud800" + "9" * 19, True), ("٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩", False),   # (no JSON number is made of those)
    ("", False)])
def test_long_digit_runs_are_found(text, long):
    assert _long_digits(text) is long


@pytest.mark.parametrize("text", ['{"a": 1,}', '{"a" 1}', "[1, 2", "", "[" * 5000 + "]" * 5000])
def test_invalid_json_fails_as_the_standard_parser_does(text):
    try:
        json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        with pytest.raises(type(exc)) as got:
            _parse(text)
        assert str(got.value) == str(exc)
    else:
        pytest.fail("valid JSON")


def test_a_huge_line_number_is_refused_with_its_own_value(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"document": "r.txt", "plan": {"name": "P", "sources": [
        {"document": "r.txt", "line": -123456789012345678901234567890}]}}), encoding="utf-8")
    with pytest.raises(InvalidReport, match="greater than or equal to 1, got -123456789012345678901234567890"):
        read_report_file(path)


def test_a_validated_report_s_dict_is_its_to_dict(seed_reports, kit, small_corpus, tmp_path):
    synthetic = kit.synthetic().generate_reports(6, seed=3)
    for r in [*seed_reports, *small_corpus, *synthetic]:
        path = tmp_path / "r.json"
        path.write_text(json.dumps(r.to_dict(), ensure_ascii=False), encoding="utf-8")
        for read in (read_report_file(path), validate_report(r.to_dict())):
            data = check_report(read)
            assert data == read.to_dict()
            assert json.dumps(data, sort_keys=True) == json.dumps(read.to_dict(), sort_keys=True)
    # a report changed after validation and checked again: its own dict, validated
    read.plan.name = ""
    with pytest.raises(InvalidReport, match="plan.name"):
        check_report(read, again=True)
