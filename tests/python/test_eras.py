"""Eras as data (#14) from Python: add_era and MIYAGIPLAN_EXTRA_ERAS.

Adding an era changes the process's era table, so each test runs its code in a fresh
interpreter, with the environment it needs.
"""

import os
import subprocess
import sys
import textwrap


def run(code, extra_eras=None):
    env = dict(os.environ)
    env.pop("MIYAGIPLAN_EXTRA_ERAS", None)
    if extra_eras is not None:
        env["MIYAGIPLAN_EXTRA_ERAS"] = extra_eras
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True,
                          text=True)


def check(code, extra_eras=None):
    result = run(code, extra_eras)
    assert result.returncode == 0, result.stderr


def test_add_era_reads_and_formats_from_its_first_day_only():
    check("""
        import datetime
        import miyagiplan
        from miyagiplan import Era
        D = datetime.date
        before = miyagiplan.parse_date("令和13年4月30日")
        e = miyagiplan.add_era("未来", "Mirai", "X", D(2031, 5, 1))
        assert e == Era.MIRAI and int(e) == 5 and str(e) == "mirai"
        assert Era.from_string("未来") == e and Era.from_string("x") == e and Era.from_string("MIRAI") == e
        assert e.info.kanji == "未来" and e.info.letter == "X" and e.info.first_day == D(2031, 5, 1)
        assert e.info.last_day is None and Era.REIWA.info.last_day == D(2031, 4, 30)
        assert [i.era for i in miyagiplan.ERAS][-1] == e and len(miyagiplan.ERAS) == 6
        assert "MIRAI" in Era.__members__
        assert miyagiplan.parse_date("令和13年4月30日") == before
        assert miyagiplan.to_wareki(D(2031, 4, 30)) == "令和13年4月30日"
        assert miyagiplan.to_wareki(D(2031, 5, 1)) == "未来元年5月1日"
        assert miyagiplan.parse_date("未来2年3月末").first == D(2032, 3, 31)
        assert miyagiplan.era_of(D(2031, 5, 1)) == e
        assert miyagiplan.parse_date("令和14年度").proleptic
        found = miyagiplan.find_dates("未来2年度から未来4年度まで")
        assert [m.text for m in found] == ["未来2年度から未来4年度まで"]
        assert miyagiplan.EraDate(e, 1, 5, 1).to_date() == D(2031, 5, 1)
    """)


def test_add_era_refusals_are_value_errors():
    check("""
        import datetime
        import miyagiplan
        D = datetime.date
        for args, error, words in [
            (("平成", "Other", "Q", D(2040, 1, 1)), miyagiplan.ParseError, "a name no era in force has"),
            (("未来", "Heisei", "Q", D(2040, 1, 1)), miyagiplan.ParseError, "romaji"),
            (("未来", "Mirai", "H", D(2040, 1, 1)), miyagiplan.ParseError, "a letter no era in force has"),
            (("未来", "Mirai", "QQ", D(2040, 1, 1)), miyagiplan.ParseError, "one letter"),
            (("未来", "Mirai", "Q", D(2019, 5, 1)), miyagiplan.RangeError, "after the first day of the latest era"),
        ]:
            try:
                miyagiplan.add_era(*args)
            except error as exc:
                assert isinstance(exc, ValueError) and words in str(exc), exc
            else:
                raise AssertionError(args)
        assert len(miyagiplan.ERAS) == 5
    """)


def test_extra_eras_from_the_environment():
    check("""
        import datetime
        import miyagiplan
        from miyagiplan import Era
        D = datetime.date
        assert [str(i.era) for i in miyagiplan.ERAS][-2:] == ["mirai", "jidai"]
        assert miyagiplan.to_wareki(D(2041, 1, 1)) == "次代2年1月1日"
        assert miyagiplan.to_wareki(D(2031, 4, 30)) == "令和13年4月30日"
        assert Era.JIDAI.info.first_day == D(2040, 1, 1)
    """, extra_eras="未来,Mirai,X,2031-05-01;次代,Jidai,J,2040-01-01")


def test_a_malformed_environment_fails_the_import_naming_the_variable():
    result = run("import miyagiplan", extra_eras="未来,Mirai,X,2031-13-01")
    assert result.returncode != 0
    assert "MIYAGIPLAN_EXTRA_ERAS" in result.stderr and "YYYY-MM-DD" in result.stderr
